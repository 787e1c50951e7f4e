using HcmcPortal.Dossiers;
using HcmcPortal.Localization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace HcmcPortal.Officer;

/// <summary>Reads the files picked in an officer form (walk-in scans, action attachments) and checks them before they go to the service.</summary>
public static class OfficerUploads
{
    /// <summary>
    /// The accepted files (checked against the document's accepted types when they answer one), and a Vietnamese error for the first refused one (null when all are accepted). More files
    /// than <see cref="FileRules.MaxFilesPerSlot"/> with those already picked are refused as a whole: the service would refuse them.
    /// </summary>
    public static async Task<(List<UploadedFile> Files, string? Error)> ReadAsync(
        InputFileChangeEventArgs e, int alreadyPicked, DocumentSlot? document, FileRules rules, IStringLocalizer<UiText> l)
    {
        // GetMultipleFiles throws beyond its maximum, so the count is checked first.
        if (alreadyPicked + e.FileCount > FileRules.MaxFilesPerSlot)
            return ([], string.Format(l["Officer.Upload.TooMany"].Value, FileRules.MaxFilesPerSlot));
        var accepted = new List<UploadedFile>();
        string? error = null;
        try
        {
            foreach (var file in e.GetMultipleFiles(FileRules.MaxFilesPerSlot))
            {
                // Refused by size before reading, so a huge file costs nothing and gets our message, not an exception.
                if (file.Size > rules.MaxBytes)
                {
                    error ??= string.Format(l["Officer.Upload.TooLarge"].Value, file.Name, rules.MaxBytes / 1024 / 1024);
                    continue;
                }
                await using var stream = file.OpenReadStream(rules.MaxBytes);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                var data = buffer.ToArray();
                if (rules.Check(file.Name, data, document).Error is { } checkError)
                    error ??= checkError;
                else
                    accepted.Add(new UploadedFile(file.Name, data, document?.Id));
            }
        }
        catch (IOException)
        {
            // The browser stopped sending the file (closed tab, lost connection, file changed on disk).
            error ??= l["Officer.Upload.ReadFailed"].Value;
        }
        return (accepted, error);
    }
}
