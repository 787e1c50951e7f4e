using System.Globalization;

namespace HcmcPortal.Units;

/// <summary>
/// Agency codes (mã định danh) for the units the portal creates, in the shape of Circular 10/2016/TT-BTTTT:
/// "000.BB.NN.H29" — H29 for Ho Chi Minh City, BB a block, NN 01–99 the unit's place in the block.
/// </summary>
/// <remarks>
/// NOT the official list. The city's codes for the 168 units of 01/07/2025 are not in any data we have, so the
/// portal numbers them itself, deterministically: the units sorted by official code, 99 to a block, from block 23
/// (after blocks 00–22 of the city, the old districts and their wards): 000.23.01.H29 … 000.24.69.H29. An import of a
/// later reorganisation continues after the highest block in use. Replace them with the official codes when the city
/// publishes them (dossier codes already issued keep the code they were given).
/// </remarks>
public static class AgencyCodes
{
    public const int PerBlock = 99;

    /// <summary>The first block of the 2025 units.</summary>
    public const int Units2025FirstBlock = 23;

    public static string Format(int block, int place) =>
        string.Create(CultureInfo.InvariantCulture, $"000.{block:00}.{place:00}.H29");

    /// <summary>The code of the unit at <paramref name="index"/> (0-based) of a set numbered from <paramref name="firstBlock"/>.</summary>
    public static string At(int firstBlock, int index) => Format(firstBlock + index / PerBlock, index % PerBlock + 1);

    /// <summary>The block after the highest one among <paramref name="codes"/> of this shape.</summary>
    public static int NextFreeBlock(IEnumerable<string> codes) =>
        codes.Select(c => c.Split('.')).Where(p => p.Length == 4 && p[0] == "000" && p[3] == "H29")
            .Select(p => int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0)
            .DefaultIfEmpty(0).Max() + 1;
}
