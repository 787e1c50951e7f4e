using System.Text;
using HcmcPortal.Forms;

namespace HcmcPortal.Tests.Officer;

/// <summary>
/// The QR encoder checked against a published Reed–Solomon example and by decoding its own output with an
/// independent reader written here (format bits, finder patterns, zigzag placement, block interleaving, syndromes).
/// </summary>
public sealed class QrCodeTests
{
    [Fact]
    public void Reed_Solomon_matches_the_published_HELLO_WORLD_1_M_example()
    {
        // Thonky's QR tutorial: "HELLO WORLD" as 1-M alphanumeric data codewords and their 10 EC codewords.
        byte[] data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
        Assert.Equal([196, 35, 39, 119, 235, 215, 231, 226, 93, 23], QrCode.ReedSolomon(data, 10));
    }

    [Fact]
    public void Format_bits_of_level_M_mask_0_are_the_standard_value()
    {
        // ISO/IEC 18004 annex C: M + mask 000 → 101010000010010.
        Assert.Equal(0b101010000010010, QrCode.FormatBits(0));
    }

    [Theory]
    [InlineData("000.00.01.H29-251123-0001", 2)]
    [InlineData("A", 1)]
    [InlineData("12345678901234", 1)]
    [InlineData("123456789012345", 2)]
    [InlineData("000.00.13.H30-211130-0001 000.00.13.H30-21", 3)] // 42 bytes: the most version 3 holds
    [InlineData("000.00.13.H30-211130-0001 Quận 1, TP. Hồ Chí Minh", 4)] // 54 UTF-8 bytes, two RS blocks
    public void Encoded_symbols_decode_back_to_the_text(string text, int version)
    {
        var qr = QrCode.Encode(text);
        Assert.Equal(version, qr.Version);
        Assert.Equal(17 + 4 * version, qr.Size);
        AssertFinderPatterns(qr);
        var (level, mask) = ReadFormat(qr);
        Assert.Equal((0, qr.Mask), (level, mask)); // level M = 00
        Assert.True(qr[8, qr.Size - 8], "dark module");
        Assert.Equal(text, QrReader.Decode(qr, mask));
    }

    [Fact]
    public void Text_longer_than_version_4_holds_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('x', 63)));
        Assert.Equal(4, QrCode.Encode(new string('x', 62)).Version);
    }

    [Fact]
    public void Svg_has_a_quiet_zone_and_names_the_code()
    {
        var qr = QrCode.Encode("000.00.01.H29-251123-0001");
        var svg = qr.ToSvg("000.00.01.H29-251123-0001");
        Assert.StartsWith("<svg", svg);
        Assert.Contains($"viewBox=\"0 0 {qr.Size + 8} {qr.Size + 8}\"", svg);
        Assert.Contains("aria-label=\"000.00.01.H29-251123-0001\"", svg);
        Assert.DoesNotContain("M0,", svg); // nothing is drawn in the quiet zone
    }

    private static void AssertFinderPatterns(QrCode qr)
    {
        foreach (var (x0, y0) in new[] { (0, 0), (qr.Size - 7, 0), (0, qr.Size - 7) })
        {
            for (var dy = 0; dy < 7; dy++)
            {
                for (var dx = 0; dx < 7; dx++)
                {
                    var ring = Math.Max(Math.Abs(dx - 3), Math.Abs(dy - 3));
                    Assert.Equal(ring != 2, qr[x0 + dx, y0 + dy]);
                }
            }
        }
    }

    /// <summary>Reads both copies of the format information, checks they agree and are a valid BCH code word.</summary>
    private static (int Level, int Mask) ReadFormat(QrCode qr)
    {
        int first = 0, second = 0;
        for (var i = 0; i <= 5; i++) first |= (qr[8, i] ? 1 : 0) << i;
        first |= (qr[8, 7] ? 1 : 0) << 6;
        first |= (qr[8, 8] ? 1 : 0) << 7;
        first |= (qr[7, 8] ? 1 : 0) << 8;
        for (var i = 9; i < 15; i++) first |= (qr[14 - i, 8] ? 1 : 0) << i;
        for (var i = 0; i < 8; i++) second |= (qr[qr.Size - 1 - i, 8] ? 1 : 0) << i;
        for (var i = 8; i < 15; i++) second |= (qr[8, qr.Size - 15 + i] ? 1 : 0) << i;
        Assert.Equal(first, second);

        var unmasked = first ^ 0x5412;
        var remainder = unmasked;
        for (var bit = 14; bit >= 10; bit--)
        {
            if (((remainder >> bit) & 1) != 0)
                remainder ^= 0x537 << (bit - 10);
        }
        Assert.Equal(0, remainder);
        return (unmasked >> 13, (unmasked >> 10) & 7);
    }

    /// <summary>An independent minimal reader for versions 1–4 at level M.</summary>
    private static class QrReader
    {
        private static readonly (int Data, int Ec, int Blocks)[] LevelM = [default, (16, 10, 1), (28, 16, 1), (44, 26, 1), (64, 18, 2)];

        public static string Decode(QrCode qr, int mask)
        {
            var function = FunctionMap(qr.Version, qr.Size);
            var bits = new List<bool>();
            for (var right = qr.Size - 1; right >= 1; right -= 2)
            {
                if (right == 6) right = 5;
                for (var v = 0; v < qr.Size; v++)
                {
                    for (var j = 0; j < 2; j++)
                    {
                        var x = right - j;
                        var y = ((right + 1) & 2) == 0 ? qr.Size - 1 - v : v;
                        if (!function[y, x])
                            bits.Add(qr[x, y] ^ QrCode.MaskInverts(mask, x, y));
                    }
                }
            }
            var (dataCount, ecCount, blocks) = LevelM[qr.Version];
            var total = dataCount + ecCount * blocks;
            Assert.InRange(bits.Count - total * 8, 0, 7); // remainder bits only
            var codewords = Enumerable.Range(0, total).Select(i => (byte)Enumerable.Range(0, 8).Aggregate(0, (a, b) => (a << 1) | (bits[i * 8 + b] ? 1 : 0))).ToArray();

            var blockLength = dataCount / blocks;
            var data = new List<byte>();
            for (var b = 0; b < blocks; b++)
            {
                var block = new List<byte>();
                for (var i = 0; i < blockLength; i++) block.Add(codewords[i * blocks + b]);
                for (var i = 0; i < ecCount; i++) block.Add(codewords[dataCount + i * blocks + b]);
                for (var k = 0; k < ecCount; k++)
                    Assert.Equal(0, Syndrome(block, k));
                data.AddRange(block.Take(blockLength));
            }

            var stream = data.SelectMany(b => Enumerable.Range(0, 8).Select(i => ((b >> (7 - i)) & 1) != 0)).ToList();
            int Read(int start, int count) => Enumerable.Range(start, count).Aggregate(0, (a, i) => (a << 1) | (stream[i] ? 1 : 0));
            Assert.Equal(0b0100, Read(0, 4)); // byte mode
            var length = Read(4, 8);
            return Encoding.UTF8.GetString(Enumerable.Range(0, length).Select(i => (byte)Read(12 + i * 8, 8)).ToArray());
        }

        /// <summary>The code word polynomial evaluated at α^k: zero for every k below the EC length when the block is intact.</summary>
        private static int Syndrome(List<byte> block, int k)
        {
            byte alphaK = 1;
            for (var i = 0; i < k; i++) alphaK = QrCode.Multiply(alphaK, 2);
            byte value = 0;
            foreach (var c in block) value = (byte)(QrCode.Multiply(value, alphaK) ^ c);
            return value;
        }

        private static bool[,] FunctionMap(int version, int size)
        {
            var map = new bool[size, size];
            void Mark(int x0, int y0, int w, int h)
            {
                for (var y = y0; y < y0 + h; y++)
                    for (var x = x0; x < x0 + w; x++)
                        map[y, x] = true;
            }
            Mark(0, 0, 9, 9); // finder, separator and format area
            Mark(size - 8, 0, 8, 9);
            Mark(0, size - 8, 9, 8);
            Mark(6, 0, 1, size); // timing
            Mark(0, 6, size, 1);
            if (version >= 2)
                Mark(size - 9, size - 9, 5, 5); // alignment centred on (size − 7, size − 7)
            return map;
        }
    }
}
