using System.Collections.Generic;
using NodaTime;
using Privacy.Compilation;
using Privacy.Policies;

namespace Privacy.Versioning;

/// <summary>Plans how subjects are told about a significant change before the new version enters into force.</summary>
/// <remarks>Implementations are pure and thread-safe.</remarks>
public interface IChangeNoticePlanner
{
    /// <summary>Plans the notices for a new version.</summary>
    /// <param name="current">The version in force, which decides whether each notice may be sent.</param>
    /// <param name="next">The new version; it must state its entry into force when the change is significant.</param>
    /// <param name="subjects">The subjects to tell.</param>
    /// <param name="at">When the notices would go out.</param>
    /// <returns>The plan: no notices when nothing significant changed.</returns>
    /// <exception cref="System.ArgumentException">The change is significant and <paramref name="next"/> states no entry into force.</exception>
    /// <exception cref="PrivacyRequestException">The current version does not know the notice's message kind or channel.</exception>
    ChangeNoticePlan Plan(CompiledPolicy current, PrivacyPolicy next, IEnumerable<DataSubject> subjects, Instant at);
}
