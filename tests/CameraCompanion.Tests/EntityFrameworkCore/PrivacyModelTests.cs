using System;
using CameraCompanion.Data;
using CameraCompanion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Privacy;
using Privacy.BuiltIn;
using Privacy.EntityFrameworkCore;

namespace CameraCompanion.Tests.EntityFrameworkCore;

public sealed class PrivacyModelTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void GetPrivacyCategory_EntityConfiguredWithHasPrivacyCategory_ReturnsIt()
    {
        using var db = _database.Context();
        Assert.Equal(new DataCategoryId("personal.device.pairing"), db.Model.FindEntityType(typeof(Camera))!.GetPrivacyCategory());
        Assert.Null(db.Model.FindEntityType(typeof(LedgerEntry))!.GetPrivacyCategory());
    }

    [Fact]
    public void GetPrivacyCategory_PropertyConfiguredWithHasPrivacyCategory_ReturnsIt()
    {
        using var db = _database.Context();
        var account = db.Model.FindEntityType(typeof(Account))!;
        Assert.Equal(new DataCategoryId("personal.email"), account.FindProperty(nameof(Account.Email))!.GetPrivacyCategory());
        Assert.Null(account.FindProperty(nameof(Account.CreatedAt))!.GetPrivacyCategory());
    }

    [Fact]
    public void GetPrivacyCategory_OfAnEntity_ReadsTheCategoryColumnOrTheEntityCategory()
    {
        using var db = _database.Context();
        var snapshot = new Clip { Id = "c", AccountId = "a", Category = "personal.camera.snapshot" };
        Assert.Equal(new DataCategoryId("personal.camera.snapshot"), db.GetPrivacyCategory(snapshot));
        Assert.Equal(new DataCategoryId("personal.support-ticket"), db.GetPrivacyCategory(new SupportTicket { AccountId = "a", Text = "t" }));
        Assert.Null(db.GetPrivacyCategory(new LedgerEntry { SubjectId = "a", Kind = "service-used" }));
        Assert.Throws<ArgumentException>(() => db.GetPrivacyCategory("not an entity"));
    }

    [Fact]
    public void GetPrivacyMappings_CompanionModel_ListsEveryConfiguredPlace()
    {
        using var db = _database.Context();
        var mappings = db.Model.GetPrivacyMappings();
        Assert.Contains(new PrivacyMapping("Account", "Email", new DataCategoryId("personal.email")), mappings);
        Assert.Contains(new PrivacyMapping("Account", "DisplayName", new DataCategoryId("personal.name")), mappings);
        Assert.Contains(new PrivacyMapping("Camera", null, new DataCategoryId("personal.device.pairing")), mappings);
        Assert.Contains(new PrivacyMapping("SupportTicket", null, new DataCategoryId("personal.support-ticket")), mappings);
    }

    [Fact]
    public void ValidatePrivacyCategories_CameraProfile_Passes()
    {
        using var db = _database.Context();
        db.Model.ValidatePrivacyCategories(Profile.CameraProfileTests.Profile);
    }

    [Fact]
    public void ValidatePrivacyCategories_BuiltInPolicyWithoutCameraCategories_FailsNamingEachOne()
    {
        using var db = _database.Context();
        var error = Assert.Throws<InvalidOperationException>(() => db.Model.ValidatePrivacyCategories(BuiltInPolicies.IsmartviewPro2018Compiled));
        Assert.Contains("Camera: 'personal.device.pairing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SupportTicket: 'personal.support-ticket'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasPrivacyCategory_InvalidId_Throws()
    {
        var builder = new ModelBuilder();
        Assert.ThrowsAny<ArgumentException>(() => builder.Entity<Camera>().HasPrivacyCategory("Not An Id"));
    }
}
