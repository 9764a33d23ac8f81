using System;

namespace Privacy.DependencyInjection;

/// <summary>The suppression list of a host that set no <see cref="PrivacyOptions.SuppressionKey"/>: using it is a configuration error.</summary>
internal sealed class UnconfiguredSuppressionList : ISuppressionList
{
    private const string Message = "The suppression list needs a key to hash contact addresses with: set PrivacyOptions.SuppressionKey (at least 32 bytes).";

    public void Add(SuppressionEntry entry) => throw new InvalidOperationException(Message);

    public SuppressionEntry? Find(string contactAddress) => throw new InvalidOperationException(Message);
}
