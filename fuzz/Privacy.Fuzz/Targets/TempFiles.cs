using System;
using System.IO;

namespace Privacy.Fuzz.Targets;

/// <summary>A private temporary folder for the files a command reads by path; deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("privacy-fuzz-");

    public string Write(string name, string contents)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public string Write(string name, byte[] contents)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
