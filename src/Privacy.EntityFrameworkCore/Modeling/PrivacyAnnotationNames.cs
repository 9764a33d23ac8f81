namespace Privacy.EntityFrameworkCore;

/// <summary>The names of the model annotations this package writes.</summary>
public static class PrivacyAnnotationNames
{
    /// <summary>On an entity type: the data category of every row. On a property: the category of the data in that column.</summary>
    public const string Category = "Privacy:Category";

    /// <summary>On a string property: the column holds each row's data category.</summary>
    public const string CategoryColumn = "Privacy:CategoryColumn";
}
