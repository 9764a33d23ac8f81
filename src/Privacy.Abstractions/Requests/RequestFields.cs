namespace Privacy;

/// <summary>Checks that a request names what its action needs; a missing id is a <c>missing-field</c> error naming the field.</summary>
internal static class RequestFields
{
    public static DataCategoryId Required(DataCategoryId id, string field) => id.IsDefault ? throw Missing(field) : id;

    public static PurposeId Required(PurposeId id, string field) => id.IsDefault ? throw Missing(field) : id;

    public static RecipientId Required(RecipientId id, string field) => id.IsDefault ? throw Missing(field) : id;

    public static DisclosureReasonId Required(DisclosureReasonId id, string field) => id.IsDefault ? throw Missing(field) : id;

    public static MessageKindId Required(MessageKindId id, string field) => id.IsDefault ? throw Missing(field) : id;

    public static ChannelId Required(ChannelId id, string field) => id.IsDefault ? throw Missing(field) : id;

    private static PrivacyRequestException Missing(string field) => new("missing-field", field, $"The request needs '{field}'.");
}
