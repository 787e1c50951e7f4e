using System.Globalization;
using System.Text;

namespace HcmcPortal.Forms;

/// <summary>
/// A small QR code encoder (ISO/IEC 18004) for the dossier code printed on forms (domain.md §3: "a QR code of it
/// may be printed beside it"). Byte mode, error correction level M, versions 1–4 (up to 62 bytes): a dossier code
/// of about 26 characters fits version 2. No QR package is served here, hence our own.
/// </summary>
public sealed class QrCode
{
    /// <summary>Per version (index 1–4) at level M: data codewords, error-correction codewords per block, blocks.</summary>
    private static readonly (int DataCodewords, int EcPerBlock, int Blocks)[] LevelM =
        [default, (16, 10, 1), (28, 16, 1), (44, 26, 1), (64, 18, 2)];

    public const int MaxVersion = 4;

    /// <summary>Format bits of level M (ISO/IEC 18004 table 25: L=01, M=00, Q=11, H=10).</summary>
    private const int LevelMFormatBits = 0;

    private readonly bool[,] modules;
    private readonly bool[,] isFunction;

    public int Version { get; }
    public int Size { get; }
    public int Mask { get; private set; }

    /// <summary>Whether the module at column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool this[int x, int y] => modules[y, x];

    /// <summary>The largest number of bytes version <paramref name="version"/> holds at level M.</summary>
    public static int ByteCapacity(int version) => LevelM[version].DataCodewords - 2; // 4-bit mode + 8-bit count ≈ 2 bytes

    /// <summary>Encodes <paramref name="text"/> as UTF-8 in the smallest version that fits.</summary>
    /// <exception cref="ArgumentException">The text needs more than version 4 (62 bytes).</exception>
    public static QrCode Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Encoding.UTF8.GetBytes(text);
        for (var version = 1; version <= MaxVersion; version++)
        {
            if (data.Length <= ByteCapacity(version))
                return new QrCode(version, data);
        }
        throw new ArgumentException($"Text of {data.Length} bytes is too long for a version {MaxVersion}-M QR code.", nameof(text));
    }

    private QrCode(int version, byte[] data)
    {
        Version = version;
        Size = 17 + 4 * version;
        modules = new bool[Size, Size];
        isFunction = new bool[Size, Size];
        DrawFunctionPatterns();
        DrawCodewords(Interleave(DataCodewords(data)));
        ApplyBestMask();
    }

    /// <summary>Inline SVG with the 4-module quiet zone; scales with its container.</summary>
    public string ToSvg(string title)
    {
        var path = new StringBuilder();
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (modules[y, x])
                    path.Append(CultureInfo.InvariantCulture, $"M{x + 4},{y + 4}h1v1h-1z");
            }
        }
        var side = Size + 8;
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{encodedTitle}\">"
            + $"<title>{encodedTitle}</title><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }

    private byte[] DataCodewords(byte[] data)
    {
        var capacityBits = LevelM[Version].DataCodewords * 8;
        var bits = new List<bool>(capacityBits);
        AppendBits(bits, 0b0100, 4); // byte mode
        AppendBits(bits, data.Length, 8); // character count: 8 bits in versions 1–9
        foreach (var b in data)
            AppendBits(bits, b, 8);
        AppendBits(bits, 0, Math.Min(4, capacityBits - bits.Count)); // terminator
        AppendBits(bits, 0, (8 - bits.Count % 8) % 8);
        for (var pad = 0xEC; bits.Count < capacityBits; pad ^= 0xEC ^ 0x11)
            AppendBits(bits, pad, 8);

        var bytes = new byte[bits.Count / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
                bytes[i >> 3] |= (byte)(0x80 >> (i & 7));
        }
        return bytes;
    }

    private static void AppendBits(List<bool> bits, int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
            bits.Add(((value >> i) & 1) != 0);
    }

    /// <summary>Splits the data into blocks, adds Reed–Solomon codewords, and interleaves them (ISO/IEC 18004 §7.6).</summary>
    private byte[] Interleave(byte[] data)
    {
        var (dataCodewords, ecPerBlock, blockCount) = LevelM[Version];
        var blockLength = dataCodewords / blockCount; // equal blocks at level M for versions 1–4
        var blocks = Enumerable.Range(0, blockCount).Select(b => data.AsSpan(b * blockLength, blockLength).ToArray()).ToList();
        var ec = blocks.Select(b => ReedSolomon(b, ecPerBlock)).ToList();
        var result = new List<byte>(dataCodewords + ecPerBlock * blockCount);
        for (var i = 0; i < blockLength; i++)
            result.AddRange(blocks.Select(b => b[i]));
        for (var i = 0; i < ecPerBlock; i++)
            result.AddRange(ec.Select(e => e[i]));
        return [.. result];
    }

    /// <summary>The Reed–Solomon error-correction codewords of <paramref name="data"/> over GF(256) with polynomial 0x11D.</summary>
    public static byte[] ReedSolomon(ReadOnlySpan<byte> data, int ecLength)
    {
        // Generator polynomial (x − α⁰)(x − α¹)…(x − α^(n−1)), highest coefficient (always 1) dropped.
        var generator = new byte[ecLength];
        generator[ecLength - 1] = 1;
        byte root = 1;
        for (var i = 0; i < ecLength; i++)
        {
            for (var j = 0; j < ecLength; j++)
            {
                generator[j] = Multiply(generator[j], root);
                if (j + 1 < ecLength)
                    generator[j] ^= generator[j + 1];
            }
            root = Multiply(root, 0x02);
        }

        var remainder = new byte[ecLength];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ remainder[0]);
            Array.Copy(remainder, 1, remainder, 0, ecLength - 1);
            remainder[ecLength - 1] = 0;
            for (var i = 0; i < ecLength; i++)
                remainder[i] ^= Multiply(generator[i], factor);
        }
        return remainder;
    }

    /// <summary>Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.</summary>
    public static byte Multiply(byte x, byte y)
    {
        var z = 0;
        for (var i = 7; i >= 0; i--)
        {
            z = (z << 1) ^ ((z >> 7) * 0x11D);
            z ^= ((y >> i) & 1) * x;
        }
        return (byte)z;
    }

    private void SetFunction(int x, int y, bool dark)
    {
        modules[y, x] = dark;
        isFunction[y, x] = true;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            SetFunction(6, i, i % 2 == 0);
            SetFunction(i, 6, i % 2 == 0);
        }
        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);
        if (Version >= 2)
            DrawAlignment(Size - 7, Size - 7); // the only alignment pattern of versions 2–6 that misses the finders
        DrawFormatBits(0); // reserves the format areas; redrawn once the mask is chosen
    }

    /// <summary>A finder pattern with its light separator, centred on (cx, cy).</summary>
    private void DrawFinder(int cx, int cy)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                int x = cx + dx, y = cy + dy;
                if (x < 0 || x >= Size || y < 0 || y >= Size)
                    continue;
                var ring = Math.Max(Math.Abs(dx), Math.Abs(dy));
                SetFunction(x, y, ring != 2 && ring != 4);
            }
        }
    }

    private void DrawAlignment(int cx, int cy)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
                SetFunction(cx + dx, cy + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
        }
    }

    /// <summary>The 15 format bits: level and mask, BCH(15,5) protected, XOR 0x5412 (ISO/IEC 18004 §7.9).</summary>
    public static int FormatBits(int mask)
    {
        var data = (LevelMFormatBits << 3) | mask;
        var remainder = data;
        for (var i = 0; i < 10; i++)
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        return ((data << 10) | remainder) ^ 0x5412;
    }

    private void DrawFormatBits(int mask)
    {
        var bits = FormatBits(mask);
        bool Bit(int i) => ((bits >> i) & 1) != 0;

        // Around the top-left finder.
        for (var i = 0; i <= 5; i++)
            SetFunction(8, i, Bit(i));
        SetFunction(8, 7, Bit(6));
        SetFunction(8, 8, Bit(7));
        SetFunction(7, 8, Bit(8));
        for (var i = 9; i < 15; i++)
            SetFunction(14 - i, 8, Bit(i));

        // The copy split between the top-right and bottom-left finders.
        for (var i = 0; i < 8; i++)
            SetFunction(Size - 1 - i, 8, Bit(i));
        for (var i = 8; i < 15; i++)
            SetFunction(8, Size - 15 + i, Bit(i));
        SetFunction(8, Size - 8, true); // the dark module
    }

    /// <summary>Places the codewords in the two-column zigzag from the bottom-right corner, skipping function modules.</summary>
    private void DrawCodewords(byte[] codewords)
    {
        var i = 0;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
                right = 5; // the vertical timing pattern is skipped
            for (var vertical = 0; vertical < Size; vertical++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? Size - 1 - vertical : vertical;
                    if (isFunction[y, x] || i >= codewords.Length * 8)
                        continue;
                    modules[y, x] = ((codewords[i >> 3] >> (7 - (i & 7))) & 1) != 0;
                    i++;
                }
            }
        }
    }

    /// <summary>Whether mask pattern <paramref name="mask"/> inverts the module at (x, y) (ISO/IEC 18004 table 10).</summary>
    public static bool MaskInverts(int mask, int x, int y) => mask switch
    {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        7 => ((x + y) % 2 + x * y % 3) % 2 == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mask), mask, "Masks are 0–7."),
    };

    private void ToggleMask(int mask)
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!isFunction[y, x] && MaskInverts(mask, x, y))
                    modules[y, x] = !modules[y, x];
            }
        }
    }

    /// <summary>Tries the eight masks and keeps the one with the lowest penalty (ISO/IEC 18004 §7.8.3).</summary>
    private void ApplyBestMask()
    {
        var best = 0;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            ToggleMask(mask);
            DrawFormatBits(mask);
            var penalty = Penalty();
            if (penalty < bestPenalty)
            {
                best = mask;
                bestPenalty = penalty;
            }
            ToggleMask(mask); // XOR again undoes it
        }
        ToggleMask(best);
        DrawFormatBits(best);
        Mask = best;
    }

    private int Penalty()
    {
        var penalty = 0;
        bool At(int x, int y, bool transposed) => transposed ? modules[x, y] : modules[y, x];
        foreach (var transposed in new[] { false, true })
        {
            for (var y = 0; y < Size; y++)
            {
                // Rule 1: runs of five or more modules of one colour.
                var run = 1;
                for (var x = 1; x < Size; x++)
                {
                    if (At(x, y, transposed) == At(x - 1, y, transposed))
                    {
                        run++;
                        if (run == 5)
                            penalty += 3;
                        else if (run > 5)
                            penalty++;
                    }
                    else
                    {
                        run = 1;
                    }
                }

                // Rule 3: 1:1:3:1:1 finder-like patterns with four light modules on one side.
                for (var x = 0; x + 10 < Size; x++)
                {
                    if (Matches(x, y, transposed, FinderLikeThenLight) || Matches(x, y, transposed, LightThenFinderLike))
                        penalty += 40;
                }
            }
        }

        // Rule 2: 2×2 blocks of one colour.
        for (var y = 0; y + 1 < Size; y++)
        {
            for (var x = 0; x + 1 < Size; x++)
            {
                var c = modules[y, x];
                if (c == modules[y, x + 1] && c == modules[y + 1, x] && c == modules[y + 1, x + 1])
                    penalty += 3;
            }
        }

        // Rule 4: 10 points for every 5% the dark share strays from 50%.
        var dark = 0;
        foreach (var m in modules)
        {
            if (m)
                dark++;
        }
        var total = Size * Size;
        penalty += Math.Abs(dark * 20 - total * 10) / total * 10;
        return penalty;

        bool Matches(int x, int y, bool transposed, bool[] pattern)
        {
            for (var k = 0; k < pattern.Length; k++)
            {
                if (At(x + k, y, transposed) != pattern[k])
                    return false;
            }
            return true;
        }
    }

    private static readonly bool[] FinderLikeThenLight = [true, false, true, true, true, false, true, false, false, false, false];
    private static readonly bool[] LightThenFinderLike = [false, false, false, false, true, false, true, true, true, false, true];
}
