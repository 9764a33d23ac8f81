using System;
using System.Collections.Generic;

namespace Privacy.Fuzz;

/// <summary>
/// One parser under fuzzing. <see cref="Execute"/> runs an input through the parser and everything that
/// consumes its result, and returns a short signature of the outcome (an effect, an error code, an exit status).
/// </summary>
/// <remarks>
/// A finding is any exception other than <see cref="FuzzOracleException"/> escaping <see cref="Execute"/>
/// (the parser's documented errors are caught inside), or a <see cref="FuzzOracleException"/>: the input was
/// answered, but wrongly (a permit for a malformed line, a lost line, a control character in text output).
/// An instance is used by one thread at a time.
/// </remarks>
public abstract class FuzzTarget : IDisposable
{
    /// <summary>The name used on the command line and for the corpus and findings folders.</summary>
    public abstract string Name { get; }

    /// <summary>What the target reads, for <c>--help</c> and the README.</summary>
    public abstract string Description { get; }

    /// <summary>The longest input the mutator makes for this target.</summary>
    public virtual int MaxInputLength => 4 * 1024;

    /// <summary>Field names this input format knows, used to build duplicate and escaped keys.</summary>
    public abstract IReadOnlyList<string> Keys { get; }

    /// <summary>Strings worth placing inside a JSON string for this target (ids, names), beyond <see cref="Engine.Dictionary"/>.</summary>
    public virtual IReadOnlyList<string> Words => [];

    /// <summary>Runs one input; returns the outcome's signature.</summary>
    /// <exception cref="FuzzOracleException">The input was answered wrongly.</exception>
    public abstract string Execute(byte[] input);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases temporary files.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>The input was answered without a crash, but the answer breaks a promise of the contract.</summary>
public sealed class FuzzOracleException : Exception
{
    public FuzzOracleException()
    {
    }

    public FuzzOracleException(string message)
        : base(message)
    {
    }

    public FuzzOracleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
