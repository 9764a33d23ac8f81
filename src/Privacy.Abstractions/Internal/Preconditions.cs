using System;
using System.Diagnostics.CodeAnalysis;

namespace Privacy.Internal;

/// <summary>Argument checks shared by the library; each failure names the argument and the bad value.</summary>
internal static class Preconditions
{
    public static T CheckNotNull<T>([NotNull] T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    public static string CheckNotEmpty([NotNull] string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Value for '{paramName}' must not be empty.", paramName);
        }

        return value;
    }

    public static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    public static T CheckDefined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{value}' is not a defined {typeof(T).Name}.");
        }

        return value;
    }
}
