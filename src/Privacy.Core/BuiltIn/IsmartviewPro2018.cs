using NodaTime;
using Privacy.Policies;
using Privacy.Retention;

namespace Privacy.BuiltIn;

/// <summary>
/// The camera vendor's published privacy policy (iSmartviewPro, "Vers: 001", last updated
/// October 2018) as data: the library's built-in default and worked example.
/// </summary>
internal static class IsmartviewPro2018
{
    public const string Id = "ismartviewpro-2018";

    private static readonly string[] Identity =
        ["personal.name", "personal.age", "personal.sex", "personal.position", "personal.address", "personal.email", "personal.contact"];

    public static PolicyBuilder CreateBuilder()
    {
        var b = new PolicyBuilder(Id, "001")
            .WithName("iSmartviewPro privacy policy")
            .WithTimeZone("UTC")
            .WithMetadata(new LocalDate(2018, 10, 11), Instant.FromUtc(2018, 10, 11, 0, 0), contact: null);

        AddVocabulary(b);
        AddClauses(b);
        AddRules(b);
        AddRetention(b);
        AddNotes(b);
        return b;
    }

    private static void AddVocabulary(PolicyBuilder b)
    {
        b.AddCategory("personal", DataClass.Personal, "Data that can identify a person")
            .AddCategory("personal.name", DataClass.Personal, "First, middle and last name")
            .AddCategory("personal.age", DataClass.Personal, "Age")
            .AddCategory("personal.sex", DataClass.Personal, "Sex")
            .AddCategory("personal.position", DataClass.Personal, "Job position")
            .AddCategory("personal.address", DataClass.Personal, "Private or other physical address")
            .AddCategory("personal.email", DataClass.Personal, "Email address")
            .AddCategory("personal.contact", DataClass.Personal, "Other contact details, private or at work")
            .AddCategory("personal.location", DataClass.Personal, "Location information")
            .AddCategory("personal.location.network", DataClass.Personal, "The phone's network connection, such as 2.4 GHz or 5 GHz WiFi")
            .AddCategory("personal.log", DataClass.Personal, "What the servers record on each visit")
            .AddCategory("personal.log.ip-address", DataClass.Personal, "IP address")
            .AddCategory("personal.log.device-id", DataClass.Personal, "Device id")
            .AddCategory("personal.log.timestamp", DataClass.Personal, "Date and time of the visit")
            .AddCategory("personal.log.clickstream", DataClass.Personal, "Clickstream data")
            .AddCategory("personal.cookie", DataClass.Personal, "Cookie and tag data from sites, services, emails and adverts")
            .AddCategory("personal.shared-content", DataClass.Personal, "What the user posts in forums and social features")
            .AddCategory("sensitive", DataClass.Sensitive, "Special categories of personal data")
            .AddCategory("sensitive.racial-ethnic-origin", DataClass.Sensitive, "Racial or ethnic origin")
            .AddCategory("sensitive.political-opinion", DataClass.Sensitive, "Political opinions")
            .AddCategory("sensitive.religious-belief", DataClass.Sensitive, "Religious or philosophical beliefs")
            .AddCategory("sensitive.genetic", DataClass.Sensitive, "Genetic data")
            .AddCategory("sensitive.biometric", DataClass.Sensitive, "Biometric data identifying a natural person")
            .AddCategory("sensitive.health", DataClass.Sensitive, "Health information")
            .AddCategory("non-personal", DataClass.NonPersonal, "Data that does not in itself identify a person")
            .AddCategory("non-personal.usage", DataClass.NonPersonal, "Activity on the website, products and services, including searches")
            .AddCategory("non-personal.aggregate", DataClass.NonPersonal, "Aggregated statistics")
            .AddCategory("local", DataClass.DeviceLocal, "Data that stays on the user's device")
            .AddCategory("local.app-data", DataClass.DeviceLocal, "What the apps store on the user's own device");

        b.AddPurpose("service", "Running the services")
            .AddPurpose("service.delivery", "Delivering the services and their features")
            .AddPurpose("service.maintenance", "Maintaining the services")
            .AddPurpose("service.improvement", "Improving the services")
            .AddPurpose("service.support", "Answering comments and questions, supporting users")
            .AddPurpose("service.location", "A location-based function the user is using")
            .AddPurpose("communication", "Contacting the user")
            .AddPurpose("communication.administrative", "Administrative contact such as customer service")
            .AddPurpose("marketing", "Marketing")
            .AddPurpose("marketing.own", "Our updates, promotions, news and events")
            .AddPurpose("marketing.partners", "Offers of third parties we cooperate with")
            .AddPurpose("internal", "Internal purposes")
            .AddPurpose("internal.audit", "Auditing")
            .AddPurpose("internal.analytics", "Data analysis")
            .AddPurpose("internal.surveys", "Surveys")
            .AddPurpose("security", "Security")
            .AddPurpose("security.protection", "Protection against fraud and abuse; integrity of the services");

        b.AddRecipient("service-provider", "Hosting, development, maintenance, payment processing and other service providers")
            .AddRecipient("authority", "Courts, prosecutors, law enforcement and government agencies")
            .AddRecipient("acquirer", "A successor in a merger, acquisition, financing, asset sale or insolvency")
            .AddRecipient("third-party", "Anyone else")
            .AddRecipient("public", "Other users, anyone");

        b.AddReason("consent", "The subject permitted it")
            .AddReason("service-provision", "A provider needs it to serve us")
            .AddReason("legal-obligation", "The law requires it")
            .AddReason("protection", "Protection against fraud, abuse or harm; defence of rights and safety")
            .AddReason("business-transfer", "A merger, acquisition, financing, asset sale or insolvency");

        b.AddMessageKind("marketing", "Updates, promotions, news, events and partners' offers")
            .AddMessageKind("administrative", "Customer service and other administrative messages")
            .AddMessageKind("policy-change", "Notice of a change to this policy")
            .AddMessageKind("breach-notice", "Notice of a personal-data breach");

        b.AddChannel("email", "Email")
            .AddChannel("push", "Push notification")
            .AddChannel("popup", "Pop-up in the app or on the site")
            .AddChannel("post", "Letter");

        b.AddObligation("include-opt-out-instructions", "Tell the recipient how to opt out of marketing")
            .AddObligation("share-only-what-is-needed", "Give the provider only what the task needs, under confidentiality")
            .AddObligation("log-disclosure", "Record the disclosure, so that an access request can say who received the data");
    }

    private static void AddClauses(PolicyBuilder b)
    {
        b.AddClause("collection.local-only", "App data is stored locally by the user; the vendor has no access to it.")
            .AddClause("collection.necessary", "Only necessary information is collected and processed.")
            .AddClause("use.service", "Personal data serves, maintains, improves and delivers the services and support.")
            .AddClause("use.contact", "Email and contact data are used for administrative contact and for marketing, our own and our partners'.")
            .AddClause("use.internal", "Personal data is used internally for auditing, data analysis and surveys.")
            .AddClause("use.location", "Network information is collected only while a location-based function is used.")
            .AddClause("use.logs", "Servers log IP address, device id, time and clickstream on each visit.")
            .AddClause("use.cookies", "Sites, services, emails and adverts use cookies and similar technologies.")
            .AddClause("sensitive.none", "Sensitive data is neither collected nor processed.")
            .AddClause("non-personal.any-purpose", "Non-personal data may be collected, used and disclosed for any purpose.")
            .AddClause("disclosure.default", "Nothing is disclosed to third parties without consent, except as listed.")
            .AddClause("disclosure.consent", "Data is disclosed where the subject permitted it.")
            .AddClause("disclosure.service-providers", "Service providers receive what their task needs, under confidentiality.")
            .AddClause("disclosure.legal", "Data is disclosed where the law requires it: court orders, warrants, law enforcement.")
            .AddClause("disclosure.protection", "Data is disclosed to protect against fraud and abuse, and to defend rights, security and safety.")
            .AddClause("disclosure.business-transfer", "Data may pass to an acquirer in a merger, acquisition, financing, asset sale or insolvency.")
            .AddClause("rights.access", "The subject may learn what was collected about them.")
            .AddClause("rights.rectification", "Corrections reach active databases immediately or within a reasonable period.")
            .AddClause("rights.marketing-opt-out", "The subject may opt out of marketing at any time, by link, email or post.")
            .AddClause("rights.administrative-messages", "Administrative messages continue after a marketing opt-out.")
            .AddClause("rights.erasure", "All data is deleted on request; afterwards no message of any kind is sent.")
            .AddClause("rights.retention-exceptions", "Data may be kept for backup, archiving, fraud and abuse prevention, analysis, statutory duties or another legitimate reason.")
            .AddClause("third-party.services", "Data given directly to third-party services is governed by their policies.")
            .AddClause("security.measures", "Physical, managerial and technical safeguards protect stored data; access is limited.")
            .AddClause("security.breach", "On a suspected leak: contain it, notify affected users and the supervisory authority.")
            .AddClause("security.public-sharing", "What the user shares publicly is visible to others.")
            .AddClause("changes.notice", "Significant changes are announced by email where known, else by a pop-up.")
            .AddClause("changes.acceptance", "Continued use after a new version enters into force means acceptance.")
            .AddClause("contact", "Questions and requests go to the vendor by email.");
    }

    private static void AddRules(PolicyBuilder b)
    {
        const PrivacyAction Collect = PrivacyAction.Collect, Use = PrivacyAction.Use, Disclose = PrivacyAction.Disclose, Communicate = PrivacyAction.Communicate;

        // Prohibitions: they override every permission below.
        b.Prohibit("sensitive.none", r => r.On(Collect, Use, Disclose).Classes(DataClass.Sensitive).Cites("sensitive.none"))
            .Prohibit("local.no-access", r => r.On(Collect, Use, Disclose).Classes(DataClass.DeviceLocal).Cites("collection.local-only"))
            .Prohibit("erasure.personal-data", r => r.On(Collect, Use, Disclose).Classes(DataClass.Personal)
                .When(RuleConditions.ErasureRequested)
                .ExceptPurposes("security.protection").ExceptReasons("legal-obligation", "protection")
                .ExemptionCites("rights.retention-exceptions")
                .Cites("rights.erasure"))
            .Prohibit("erasure.messages", r => r.On(Communicate).When(RuleConditions.ErasureRequested).Cites("rights.erasure"))
            .Prohibit("opt-out.marketing-use", r => r.On(Collect, Use).Purposes("marketing").When(RuleConditions.MarketingOptedOut).Cites("rights.marketing-opt-out"))
            .Prohibit("opt-out.marketing-messages", r => r.On(Communicate).Messages("marketing").When(RuleConditions.MarketingOptedOut).Cites("rights.marketing-opt-out"));

        // Non-personal data: any purpose, any recipient.
        b.Permit("non-personal.any-purpose", r => r.On(Collect, Use, Disclose).Classes(DataClass.NonPersonal).Cites("non-personal.any-purpose"));

        // Collection and use of personal data is purpose-bound.
        b.Permit("identity.service", r => r.On(Collect, Use).Categories(Identity).Purposes("service").Cites("use.service"))
            .Permit("identity.internal", r => r.On(Collect, Use).Categories(Identity).Purposes("internal").Cites("use.internal"))
            .Permit("identity.contact", r => r.On(Collect, Use).Categories(Identity).Purposes("communication.administrative", "marketing").Cites("use.contact"))
            .Permit("location.network", r => r.On(Collect, Use).Categories("personal.location.network").Purposes("service.location")
                .When(RuleConditions.LocationFeatureInUse).Cites("use.location"))
            .Permit("logs", r => r.On(Collect, Use).Categories("personal.log").Purposes("service", "internal", "security.protection").Cites("use.logs"))
            .Permit("cookies", r => r.On(Collect, Use).Categories("personal.cookie").Purposes("service", "internal.analytics", "marketing").Cites("use.cookies"))
            .Permit("shared-content.delivery", r => r.On(Collect, Use).Categories("personal.shared-content").Purposes("service.delivery").Cites("use.service"));

        // Disclosure of personal data.
        b.Permit("disclosure.service-providers", r => r.On(Disclose).Classes(DataClass.Personal).Recipients("service-provider").Reasons("service-provision")
                .When(RuleConditions.ConfidentialityAgreement).Requires("share-only-what-is-needed", "log-disclosure").Cites("disclosure.service-providers"))
            .Permit("disclosure.legal", r => r.On(Disclose).Classes(DataClass.Personal).Recipients("authority").Reasons("legal-obligation")
                .Requires("log-disclosure").Cites("disclosure.legal"))
            .Permit("disclosure.protection", r => r.On(Disclose).Classes(DataClass.Personal).Reasons("protection")
                .Requires("log-disclosure").Cites("disclosure.protection"))
            .Permit("disclosure.business-transfer", r => r.On(Disclose).Classes(DataClass.Personal).Recipients("acquirer").Reasons("business-transfer")
                .Requires("log-disclosure").Cites("disclosure.business-transfer"))
            .Permit("disclosure.consent", r => r.On(Disclose).Classes(DataClass.Personal).Reasons("consent")
                .When(RuleConditions.Consent).Requires("log-disclosure").Cites("disclosure.consent"))
            .Permit("disclosure.public-sharing", r => r.On(Disclose).Categories("personal.shared-content").Recipients("public")
                .Requires("log-disclosure").Cites("security.public-sharing"));

        // Messages.
        b.Permit("messages.marketing", r => r.On(Communicate).Messages("marketing").Requires("include-opt-out-instructions").Cites("use.contact"))
            .Permit("messages.administrative", r => r.On(Communicate).Messages("administrative").Cites("rights.administrative-messages"))
            .Permit("messages.policy-change", r => r.On(Communicate).Messages("policy-change").Cites("changes.notice"))
            .Permit("messages.policy-change.after-opt-out", r => r.On(Communicate).Messages("policy-change").Cites("rights.administrative-messages"))
            .Permit("messages.breach-notice", r => r.On(Communicate).Messages("breach-notice").Cites("security.breach"))
            .Permit("messages.breach-notice.after-opt-out", r => r.On(Communicate).Messages("breach-notice").Cites("rights.administrative-messages"));

        b.DenyByDefault(Collect, "collection.necessary")
            .DenyByDefault(Use, "collection.necessary")
            .DenyByDefault(Disclose, "disclosure.default")
            .DenyByDefault(Communicate, "use.contact")
            .DenyByDefault(PrivacyAction.Retain, "collection.necessary");
    }

    private static void AddRetention(PolicyBuilder b)
    {
        static RetentionPeriod Months(int months) => RetentionPeriod.FromPeriod(Period.FromMonths(months));
        static RetentionPeriod Days(int days) => RetentionPeriod.FromPeriod(Period.FromDays(days));

        b.Erasure(Months(1), "rights.erasure", DataClass.Personal, DataClass.NonPersonal)
            .LegalHold("rights.retention-exceptions")
            .Retain("personal", Months(36), "collection.necessary", anchor: RetentionAnchor.LastActivity)
            .Retain("personal.location", Days(30), "use.location")
            .Retain("personal.log", Months(6), "use.logs")
            .Retain("personal.cookie", Months(13), "use.cookies")
            .Retain("sensitive", RetentionPeriod.Zero, "sensitive.none", allowsGrounds: false)
            .Retain("local", RetentionPeriod.Zero, "collection.local-only", allowsGrounds: false)
            .Retain("non-personal", Months(60), "non-personal.any-purpose");

        b.AddGround("backup", Months(3), "rights.retention-exceptions", "Backups, which rotate out")
            .AddGround("archiving", Months(60), "rights.retention-exceptions", "Archiving")
            .AddGround("fraud-prevention", Months(12), "rights.retention-exceptions", "Preventing fraud")
            .AddGround("abuse-prevention", Months(12), "rights.retention-exceptions", "Preventing abuse")
            .AddGround("analysis", Months(6), "rights.retention-exceptions", "Analysis")
            .AddGround("statutory-obligation", Months(120), "rights.retention-exceptions", "A duty to keep records set by law")
            .AddGround("legitimate-interest", Months(6), "rights.retention-exceptions", "Another legitimate reason, within reasonable limits");
    }

    private static void AddNotes(PolicyBuilder b)
    {
        b.AddNote("The published text dates itself 'October 2018, 11, 3'; this model reads it as 11 October 2018, in force from then, and names no contact address.")
            .AddNote("A legal hold (legal-hold-placed until legal-hold-released) keeps every record of the subject except sensitive and device-local data, citing rights.retention-exceptions (statutory obligations), with no deadline until it is released.")
            .AddNote("Retention periods are not stated by the published text; the defaults here (personal data 36 months from the subject's last activity, logs 6 months, cookies 13 months, network information 30 days, non-personal data 60 months from collection) are operator-settable.")
            .AddNote("Erasure reaches all collected data of the subject: personal and non-personal records held about them are due for deletion one month after the request; a recognised retention ground extends that by at most its own maximum (backup 3 months, archiving 5 years, fraud and abuse prevention 12 months, analysis 6 months, statutory obligations 10 years, legitimate interest 6 months).")
            .AddNote("After an erasure request, collection is refused like use and disclosure, except for security.protection; opted-out subjects are likewise not collected from for marketing.")
            .AddNote("Events at the same instant: an opt-out beats an opt-in and a withdrawal beats a consent, so that a tie never permits.")
            .AddNote("A denial with no deciding prohibition cites the permission whose condition was not met (for example use.location without a location-based function in use) before the default clause.")
            .AddNote("Sensitive and device-local data have a zero retention period and no retention ground: any copy is due for deletion at once.")
            .AddNote("Every channel is allowed for every permitted message; the policy limits what is sent, not how.")
            .AddNote("Calendar periods are counted in the controller's time zone, UTC unless the operator sets another.");
    }
}
