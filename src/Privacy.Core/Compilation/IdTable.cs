using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Privacy.Compilation;

/// <summary>
/// One kind of vocabulary of a compiled policy: dense integer ids <c>0..Count-1</c> for its
/// string ids, and the hierarchy (parent index) that dotted ids imply.
/// </summary>
/// <remarks>Immutable and thread-safe. Resolving an id is one hash lookup and allocates nothing.</remarks>
public sealed class IdTable
{
    private readonly string[] _ids;
    private readonly ReadOnlyCollection<string> _readOnlyIds;
    private readonly int[] _parents;
    private readonly FrozenDictionary<string, int> _index;

    internal IdTable(string kind, string field, IEnumerable<string> ids)
    {
        Kind = kind;
        Field = field;
        _ids = ids.ToArray();
        _readOnlyIds = Array.AsReadOnly(_ids);
        _index = _ids.Select((id, i) => (id, i)).ToFrozenDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _parents = new int[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            _parents[i] = Internal.IdSyntax.ParentOf(_ids[i]) is { } parent && _index.TryGetValue(parent, out var p) ? p : -1;
        }
    }

    /// <summary>Gets what kind of id this table holds.</summary>
    /// <value>For example <c>category</c>.</value>
    public string Kind { get; }

    /// <summary>Gets the request field that names ids of this kind, used in error messages.</summary>
    /// <value>For example <c>category</c>.</value>
    internal string Field { get; }

    /// <summary>Gets the number of ids.</summary>
    /// <value>The ids are numbered from zero to one less than this.</value>
    public int Count => _ids.Length;

    /// <summary>Gets the string id of a dense id.</summary>
    /// <param name="index">The dense id.</param>
    /// <returns>The string id.</returns>
    public string this[int index] => _ids[index];

    /// <summary>Gets the dense id of the parent of an id.</summary>
    /// <param name="index">The dense id.</param>
    /// <returns>The parent's dense id, or -1 at the top of the hierarchy.</returns>
    public int ParentOf(int index) => _parents[index];

    /// <summary>Looks up the dense id of a string id.</summary>
    /// <param name="id">The string id.</param>
    /// <param name="index">The dense id, or -1.</param>
    /// <returns>True when the id is known.</returns>
    public bool TryGetIndex([NotNullWhen(true)] string? id, out int index)
    {
        if (id is not null && _index.TryGetValue(id, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Looks up the dense id of a string id, failing with a request error that names the field.</summary>
    /// <param name="id">The string id.</param>
    /// <param name="field">The request field, for the error; this table's <see cref="Field"/> when null.</param>
    /// <returns>The dense id.</returns>
    /// <exception cref="PrivacyRequestException">The id is missing (<c>missing-field</c>) or unknown (<c>unknown-…</c>).</exception>
    public int GetIndex(string? id, string? field = null)
    {
        if (TryGetIndex(id, out var index))
        {
            return index;
        }

        throw id is null || id.Length == 0
            ? new PrivacyRequestException("missing-field", field ?? Field, $"The request needs '{field ?? Field}' (a {Kind} id).")
            : new PrivacyRequestException($"unknown-{Kind}", field ?? Field, Policies.PolicyChecks.Unknown(Kind, id, _ids));
    }

    /// <summary>Whether one id equals another or lies below it.</summary>
    /// <param name="index">The dense id that may lie below.</param>
    /// <param name="ancestor">The dense id that may contain it.</param>
    /// <returns>True when <paramref name="index"/> is <paramref name="ancestor"/> or a descendant of it.</returns>
    public bool IsWithin(int index, int ancestor)
    {
        for (var i = index; i >= 0; i = _parents[i])
        {
            if (i == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets every string id, in dense-id order.</summary>
    /// <returns>A read-only view of the ids: casting it to a list and writing to it throws, so the table cannot be changed through it.</returns>
    public IReadOnlyList<string> ToList() => _readOnlyIds;
}
