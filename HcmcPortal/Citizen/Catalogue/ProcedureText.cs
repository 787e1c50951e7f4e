using System.Globalization;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.Extensions.Localization;

namespace HcmcPortal.Citizen.Catalogue;

/// <summary>Display texts for the catalogue (time limits, fees, levels) through the UI resources.</summary>
public static class ProcedureText
{
    /// <summary>A time limit as people read it ("5 ngày làm việc", "Trong ngày làm việc …"); every screen shows it through this.</summary>
    public static string TimeLimit(IStringLocalizer L, TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => L["Citizen.TimeLimit.WorkingDays", limit.Value],
        TimeLimitUnit.Days => L["Citizen.TimeLimit.Days", limit.Value],
        TimeLimitUnit.Hours => L["Citizen.TimeLimit.Hours", limit.Value],
        TimeLimitUnit.SameWorkingDay => L["Citizen.TimeLimit.SameWorkingDay"],
        _ => L["Citizen.TimeLimit.Months", limit.Value],
    };

    public static string Fee(IStringLocalizer L, long feeVnd) =>
        feeVnd == 0 ? L["Citizen.Fee.Free"] : L["Citizen.Fee.Amount", feeVnd.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"))];

    public static string Level(IStringLocalizer L, ProcedureLevel level) => L[$"Citizen.Level.{level}"];

    public static string Online(IStringLocalizer L, bool fullyOnline) => fullyOnline ? L["Citizen.Online.Full"] : L["Citizen.Online.Partial"];
}
