using System.Collections.Generic;
using System.Linq;
using Privacy.Policies;

namespace Privacy.Compilation;

/// <summary>The vocabulary of a compiled policy: one <see cref="IdTable"/> per kind of id, and each category's class.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CompiledVocabulary
{
    private readonly DataClass[] _classes;
    private readonly int[][] _categoryChildren;
    private readonly int[][] _purposeChildren;

    internal CompiledVocabulary(PrivacyPolicy policy)
    {
        Categories = new IdTable("category", "category", policy.Categories.Select(c => c.Id.Value));
        Purposes = new IdTable("purpose", "purpose", policy.Purposes.Select(p => p.Id.Value));
        Recipients = new IdTable("recipient", "recipient", policy.Recipients.Select(r => r.Id.Value));
        Reasons = new IdTable("reason", "reason", policy.Reasons.Select(r => r.Id.Value));
        Messages = new IdTable("message", "message", policy.Messages.Select(m => m.Id.Value));
        Channels = new IdTable("channel", "channel", policy.Channels.Select(c => c.Id.Value));
        Grounds = new IdTable("ground", "grounds", policy.Grounds.Select(g => g.Id.Value));
        _classes = policy.Categories.Select(c => c.Class).ToArray();
        _categoryChildren = Children(Categories);
        _purposeChildren = Children(Purposes);
    }

    /// <summary>Gets the data categories.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Categories { get; }

    /// <summary>Gets the purposes.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Purposes { get; }

    /// <summary>Gets the recipients.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Recipients { get; }

    /// <summary>Gets the disclosure reasons.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Reasons { get; }

    /// <summary>Gets the message kinds.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Messages { get; }

    /// <summary>Gets the channels.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Channels { get; }

    /// <summary>Gets the retention grounds.</summary>
    /// <value>Dense ids in declaration order.</value>
    public IdTable Grounds { get; }

    /// <summary>Gets the class of a category.</summary>
    /// <param name="category">The category's dense id.</param>
    /// <returns>Its class.</returns>
    public DataClass ClassOf(int category) => _classes[category];

    internal IEnumerable<int> CategorySubtree(int category) => Subtree(_categoryChildren, category);

    internal IEnumerable<int> PurposeSubtree(int purpose) => Subtree(_purposeChildren, purpose);

    private static IEnumerable<int> Subtree(int[][] children, int root)
    {
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in children[node])
            {
                stack.Push(child);
            }
        }
    }

    private static int[][] Children(IdTable table)
    {
        var children = Enumerable.Range(0, table.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            if (table.ParentOf(i) is var parent and >= 0)
            {
                children[parent].Add(i);
            }
        }

        return children.Select(c => c.ToArray()).ToArray();
    }
}
