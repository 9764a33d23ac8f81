using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Privacy.Compilation;

namespace Privacy.EntityFrameworkCore;

/// <summary>Reads the data categories configured with <see cref="PrivacyBuilderExtensions"/> back from a model.</summary>
public static class PrivacyModelExtensions
{
    /// <summary>Gets the category every row of the entity type holds, if one was configured.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The category, or null.</returns>
    public static DataCategoryId? GetPrivacyCategory(this IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return entityType.FindAnnotation(PrivacyAnnotationNames.Category)?.Value is string id ? new DataCategoryId(id) : null;
    }

    /// <summary>Gets the category of the data a column holds, if one was configured.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The category, or null.</returns>
    public static DataCategoryId? GetPrivacyCategory(this IReadOnlyProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(PrivacyAnnotationNames.Category)?.Value is string id ? new DataCategoryId(id) : null;
    }

    /// <summary>Gets the property that holds each row's category, if the entity type has one.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The property, or null.</returns>
    public static IReadOnlyProperty? GetPrivacyCategoryProperty(this IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return entityType.GetProperties().FirstOrDefault(p => p.FindAnnotation(PrivacyAnnotationNames.CategoryColumn)?.Value is true);
    }

    /// <summary>
    /// Gets the category of one tracked or detached entity: the value of its category column, or the
    /// entity type's category.
    /// </summary>
    /// <param name="context">The context whose model maps the entity.</param>
    /// <param name="entity">The entity.</param>
    /// <returns>The category, or null when the model configures none for it.</returns>
    /// <exception cref="ArgumentException">The model does not map the entity's type.</exception>
    public static DataCategoryId? GetPrivacyCategory(this DbContext context, object entity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entity);
        var entityType = context.Model.FindEntityType(entity.GetType())
            ?? throw new ArgumentException($"The model does not map '{entity.GetType().Name}'.", nameof(entity));
        if (entityType.GetPrivacyCategoryProperty() is { } column)
        {
            return context.Entry(entity).Property(column.Name).CurrentValue is string id ? new DataCategoryId(id) : null;
        }

        return entityType.GetPrivacyCategory();
    }

    /// <summary>
    /// Lists every category the model configures, with where: entity types, columns. Use it to check
    /// at start-up that the policy knows every category the database holds.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>One entry per configured entity type or property, in model order.</returns>
    public static IReadOnlyList<PrivacyMapping> GetPrivacyMappings(this IReadOnlyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var mappings = new List<PrivacyMapping>();
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.GetPrivacyCategory() is { } category)
            {
                mappings.Add(new PrivacyMapping(entityType.DisplayName(), null, category));
            }

            foreach (var property in entityType.GetProperties())
            {
                if (property.GetPrivacyCategory() is { } c)
                {
                    mappings.Add(new PrivacyMapping(entityType.DisplayName(), property.Name, c));
                }
            }
        }

        return mappings;
    }

    /// <summary>
    /// Checks that the policy declares every category the model configures; fails closed on the
    /// first start rather than deciding on a category the policy cannot place.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="policy">The compiled policy.</param>
    /// <exception cref="InvalidOperationException">A configured category is unknown to the policy; the message lists every one.</exception>
    public static void ValidatePrivacyCategories(this IReadOnlyModel model, CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var unknown = model.GetPrivacyMappings()
            .Where(m => !policy.Vocabulary.Categories.TryGetIndex(m.Category.Value, out _))
            .Select(m => $"{m.EntityType}{(m.Property is null ? string.Empty : "." + m.Property)}: '{m.Category}'")
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The policy '{policy.PolicyId}' does not declare these categories: {string.Join(", ", unknown)}.");
        }
    }
}

/// <summary>Where the model keeps data of a category.</summary>
/// <param name="EntityType">The entity type's display name.</param>
/// <param name="Property">The property, or null when the whole entity is of the category.</param>
/// <param name="Category">The data category.</param>
public sealed record PrivacyMapping(string EntityType, string? Property, DataCategoryId Category);
