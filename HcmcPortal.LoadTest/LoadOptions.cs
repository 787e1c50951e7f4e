using System.Globalization;

namespace HcmcPortal.LoadTest;

/// <summary>
/// <c>--database FILE [--quick] [--synchronous full|normal] [--circuits N] [--clicks N] [--clients N] [--seconds N]
/// [--no-submit] [--no-circuits] [--chromium PATH] [--keep-copy]</c>.
/// </summary>
public sealed record LoadOptions
{
    public const string Usage =
        "Cách dùng: dotnet run -c Release --project HcmcPortal.LoadTest -- --database FILE [--quick] [--synchronous full|normal] " +
        "[--clients 16] [--seconds 60 (15 with --quick)] [--circuits 200 (50 with --quick)] [--clicks 200] [--no-submit] [--no-circuits] [--chromium /usr/bin/chromium] [--keep-copy]";

    public required string Database { get; init; }
    public bool Quick { get; init; }
    /// <summary>The SQLite <c>synchronous</c> level the portal runs with for this run only (the portal's default is FULL).</summary>
    public string Synchronous { get; init; } = "FULL";
    public int Clients { get; init; } = 16;
    public TimeSpan SubmitDuration { get; init; } = TimeSpan.FromSeconds(60);
    public int Circuits { get; init; } = 200;
    public int Clicks { get; init; } = 200;
    public bool Submit { get; init; } = true;
    public bool CircuitLoad { get; init; } = true;
    public string Chromium { get; init; } = "/usr/bin/chromium";
    /// <summary>Keep the database copy the run wrote into (for looking at it afterwards).</summary>
    public bool KeepCopy { get; init; }

    /// <summary>Reads the command line; an unknown or malformed option is an <see cref="ArgumentException"/> naming it.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? database = null;
        var quick = args.Contains("--quick");
        // Quick mode (the 5-minute check) opens 50 circuits, not 200: the browser opening a page costs ≈ 1.5–2.7 s
        // of CPU, so 200 pages alone take minutes on 2 cores; the heap per circuit does not depend on how many are open.
        var options = new LoadOptions { Database = "", SubmitDuration = TimeSpan.FromSeconds(quick ? 15 : 60), Circuits = quick ? 50 : 200, Quick = quick };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} cần một giá trị.");
            int Number(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n : throw new ArgumentException($"{name} phải là số nguyên ≥ {min}, nhận được \"{text}\".");
            }
            options = args[i] switch
            {
                "--database" => options with { Database = database = Value() },
                "--quick" => options,
                "--synchronous" => options with { Synchronous = Value().ToUpperInvariant() switch
                {
                    "FULL" => "FULL",
                    "NORMAL" => "NORMAL",
                    _ => throw new ArgumentException("--synchronous chỉ nhận full hoặc normal."),
                } },
                "--clients" => options with { Clients = Number(1) },
                "--seconds" => options with { SubmitDuration = TimeSpan.FromSeconds(Number(1)) },
                "--circuits" => options with { Circuits = Number(1) },
                "--clicks" => options with { Clicks = Number(1) },
                "--no-submit" => options with { Submit = false },
                "--no-circuits" => options with { CircuitLoad = false },
                "--chromium" => options with { Chromium = Value() },
                "--keep-copy" => options with { KeepCopy = true },
                _ => throw new ArgumentException($"Không hiểu tham số \"{args[i]}\"."),
            };
        }
        if (string.IsNullOrWhiteSpace(database))
            throw new ArgumentException("Thiếu --database FILE (cơ sở dữ liệu SQLite của phép đo, ví dụ App_Data/scale-200000.db).");
        return options;
    }
}
