using System.Collections.Generic;

namespace Privacy.Serialization;

/// <summary>
/// A request as read from JSON, before its values are checked: what each field of the contract held
/// (null for JSON null and for a field left out), and the names of fields the contract does not have.
/// One instance is reused line after line by a <see cref="RequestJsonReader"/>.
/// </summary>
internal sealed class RawRequest
{
    public string? Id;
    public int Action;
    public string? ActionText;
    public RawInstant At;
    public string? Category;
    public string? Purpose;
    public string? Recipient;
    public string? Reason;
    public string? Message;
    public string? Channel;
    public RawInstant CollectedAt;
    public bool HasGrounds;
    public readonly List<string?> Grounds = [];
    public bool HasSubject;
    public readonly RawSubject Subject = new();
    public bool HasContext;
    public bool? LocationFeatureInUse;
    public bool? ConfidentialityAgreement;
    public readonly List<string> ContextUnknown = [];
    public readonly List<string> Unknown = [];

    public void Clear()
    {
        Id = ActionText = Category = Purpose = Recipient = Reason = Message = Channel = null;
        Action = -1;
        At = CollectedAt = default;
        HasGrounds = HasSubject = HasContext = false;
        LocationFeatureInUse = ConfidentialityAgreement = null;
        Grounds.Clear();
        ContextUnknown.Clear();
        Unknown.Clear();
        Subject.Clear();
    }
}

/// <summary>A request's <c>subject</c> as read; its events come from a pool kept across lines.</summary>
internal sealed class RawSubject
{
    private readonly List<RawEvent> _pool = [];
    private int _used;

    public string? Id;
    public bool? HasEmail;
    public bool HasEvents;

    /// <summary>The events in order; null where the array held JSON null.</summary>
    public readonly List<RawEvent?> Events = [];
    public readonly List<string> Unknown = [];

    public RawEvent NextEvent()
    {
        if (_used == _pool.Count)
        {
            _pool.Add(new RawEvent());
        }

        var e = _pool[_used++];
        e.Clear();
        return e;
    }

    public void Clear()
    {
        Id = null;
        HasEmail = null;
        HasEvents = false;
        Events.Clear();
        Unknown.Clear();
        _used = 0;

        // A reader kept for a thread keeps what its largest request needed; past a few dozen events, let it go.
        if (_pool.Count > KeptEvents)
        {
            _pool.RemoveRange(KeptEvents, _pool.Count - KeptEvents);
            _pool.Capacity = KeptEvents;
            Events.Capacity = KeptEvents;
        }
    }

    private const int KeptEvents = 64;
}

/// <summary>One event of a subject's history as read.</summary>
internal sealed class RawEvent
{
    public string? Type;
    public RawInstant At;
    public string? Purpose;
    public string? Recipient;
    public string? Version;
    public readonly List<string> Unknown = [];

    public void Clear()
    {
        Type = Purpose = Recipient = Version = null;
        At = default;
        Unknown.Clear();
    }
}
