using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Privacy;
using Privacy.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Model configuration that says which data category an entity or a column holds.</summary>
public static class PrivacyBuilderExtensions
{
    /// <summary>Says that every row of the entity is data of <paramref name="category"/>, such as <c>personal.support-ticket</c>.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="builder">The entity's builder.</param>
    /// <param name="category">A data category id of the policy.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="category"/> is not a valid category id.</exception>
    public static EntityTypeBuilder<TEntity> HasPrivacyCategory<TEntity>(this EntityTypeBuilder<TEntity> builder, string category)
        where TEntity : class
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(PrivacyAnnotationNames.Category, new DataCategoryId(category).Value);
    }

    /// <summary>Says that the column holds data of <paramref name="category"/>, such as <c>personal.email</c>.</summary>
    /// <typeparam name="TProperty">The property type.</typeparam>
    /// <param name="builder">The property's builder.</param>
    /// <param name="category">A data category id of the policy.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="category"/> is not a valid category id.</exception>
    public static PropertyBuilder<TProperty> HasPrivacyCategory<TProperty>(this PropertyBuilder<TProperty> builder, string category)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(PrivacyAnnotationNames.Category, new DataCategoryId(category).Value);
    }

    /// <summary>Says that the column holds each row's data category, for entities whose rows differ (video, snapshot, audio).</summary>
    /// <param name="builder">The property's builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder<string> IsPrivacyCategory(this PropertyBuilder<string> builder)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(PrivacyAnnotationNames.CategoryColumn, true);
    }
}
