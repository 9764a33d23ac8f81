using System;
using System.IO;

namespace Privacy.Packaging.Tests;

/// <summary>A release packed once by eng/pack.sh into a temporary folder, shared by the package tests.</summary>
public sealed class PackedRelease : IDisposable
{
    public PackedRelease()
    {
        Folder = Directory.CreateTempSubdirectory("privacy-packages-").FullName;
        var (exitCode, output) = Repository.RunScript("pack.sh", TimeSpan.FromMinutes(15), Folder);
        Output = output;
        ExitCode = exitCode;
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string PackageOf(string id, string extension = ".nupkg") => Path.Combine(Folder, $"{id}.0.1.0{extension}");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Tests that build and publish run one at a time: the machine may have two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PublishingCollection : ICollectionFixture<PackedRelease>
{
    public const string Name = "Publishing";
}
