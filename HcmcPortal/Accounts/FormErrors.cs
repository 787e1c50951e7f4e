namespace HcmcPortal.Accounts;

/// <summary>Field-level messages of a statically rendered form; the typed values stay in the bound model.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> errors = [];

    public string? this[string field] => errors.GetValueOrDefault(field);
    public bool Any => errors.Count > 0;
    public void Add(string field, string message) => errors.TryAdd(field, message);
}
