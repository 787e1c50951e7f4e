using HcmcPortal.Accounts;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

/// <summary>
/// Demo accounts and several thousand dossiers from 2024 to today in every status — at the 22 districts before
/// 01/07/2025 and at the 168 commune-level centres from that day — with unit profiles that differ (online share, lateness, digitisation, satisfaction) so reports have something true to show.
/// Deterministic: the same seed gives the same data.
/// </summary>
public static class DemoSeeder
{
    public sealed record DemoAccount(string Email, string FullName, string Role, string? UnitCode, string? Cccd);

    /// <summary>
    /// Demo accounts. Officers work at commune-level centres of today's city: the former Quận 1 and Quận 3 officers
    /// moved with their desks to Phường Sài Gòn and Phường Xuân Hoà on 01/07/2025 (their e-mails kept, so bookmarks
    /// and scripts still work), and centres in the former Bình Dương and Bà Rịa–Vũng Tàu have their own.
    /// </summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("congdan@demo.hcmc.vn", "Nguyễn Văn An", Roles.Citizen, null, "079203001234"),
        new("congdan2@demo.hcmc.vn", "Trần Thị Bình", Roles.Citizen, null, "079195004321"),
        new("motcua.q1@demo.hcmc.vn", "Lê Thị Cúc", Roles.Reception, SaiGonCode, null),
        new("motcua.q3@demo.hcmc.vn", "Phạm Văn Dũng", Roles.Reception, XuanHoaCode, null),
        new("chuyenvien.q1@demo.hcmc.vn", "Hoàng Minh Đức", Roles.Specialist, SaiGonCode, null),
        new("lanhdao.q1@demo.hcmc.vn", "Võ Thị Em", Roles.UnitLeader, SaiGonCode, null),
        new("motcua.benthanh@demo.hcmc.vn", "Lâm Thị Kim", Roles.Reception, BenThanhCode, null),
        new("motcua.thudaumot@demo.hcmc.vn", "Trương Văn Lộc", Roles.Reception, ThuDauMotCode, null),
        new("chuyenvien.thudaumot@demo.hcmc.vn", "Châu Ngọc Mai", Roles.Specialist, ThuDauMotCode, null),
        new("lanhdao.thudaumot@demo.hcmc.vn", "Huỳnh Tấn Nghĩa", Roles.UnitLeader, ThuDauMotCode, null),
        new("motcua.vungtau@demo.hcmc.vn", "Phan Thị Oanh", Roles.Reception, VungTauCode, null),
        new("chuyenvien.vungtau@demo.hcmc.vn", "Mai Văn Phát", Roles.Specialist, VungTauCode, null),
        new("lanhdao.vungtau@demo.hcmc.vn", "Lưu Thị Quế", Roles.UnitLeader, VungTauCode, null),
        new("lanhdao.tp@demo.hcmc.vn", "Đặng Quốc Phong", Roles.CityLeader, "79", null),
        new("danhgia.cds@demo.hcmc.vn", "Bùi Thu Giang", Roles.DxEvaluator, "79", null),
        new("quantri@demo.hcmc.vn", "Đỗ Hữu Hạnh", Roles.Admin, "79", null),
    ];

    /// <summary>Official codes of the demo centres (2025 units; the codes were those of old wards before).</summary>
    public const string SaiGonCode = "26740", XuanHoaCode = "27139", BenThanhCode = "26743", ThuDauMotCode = "25747", VungTauCode = "26506";

    /// <summary>Before the reform, the demo citizens' dossiers were at Quận 1.</summary>
    private const string Q1Code = "760";

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Quốc", "Hoàng", "Bảo", "Gia"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Nhung", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Vy", "Yến"];
    private static readonly string[] Streets = ["Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Nguyễn Thị Minh Khai", "Võ Văn Tần", "Lý Thường Kiệt", "Trường Chinh", "Phan Văn Trị"];

    /// <summary>How a district performs; drawn once per district so that districts differ believably.</summary>
    private sealed record Profile(double OnlineShare, double LateRate, double EarlyRate, double DigitiseRate, double ResultDigitiseRate, double OnlinePayRate, double SatisfiedRate);

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, int dossierCount, ILogger log, CancellationToken ct)
    {
        await DatabaseInitializer.EnsureRolesAsync(roles);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var today = VietnamTime.ToLocal(DateTime.UtcNow);
        int? UnitIdOf(string? code) => code is null ? null : units.Single(u => u.Code == code && u.IsValidOn(DateOnly.FromDateTime(today))).Id;
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is { } existing)
            {
                // A demo database from before the reform: the officer of a dissolved unit moves to the unit that replaced it.
                if (existing.UnitId is int unitId && UnitIdOf(account.UnitCode) is int target && unitId != target
                    && units.Single(u => u.Id == unitId).ValidTo is DateOnly end && end < DateOnly.FromDateTime(today))
                {
                    existing.UnitId = target;
                    await users.UpdateAsync(existing);
                    await users.UpdateSecurityStampAsync(existing);
                }
                continue;
            }
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                Cccd = account.Cccd,
                PhoneNumber = account.Role == Roles.Citizen ? "0909" + account.Cccd![^6..] : null,
                UnitId = UnitIdOf(account.UnitCode),
                CreatedAt = DateTime.UtcNow,
            };
            var result = await users.CreateWithRoleAsync(user, DemoOptions.Password, account.Role);
            if (!result.Succeeded)
                throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        if (await db.Dossiers.AnyAsync(ct))
            return;
        var started = DateTime.UtcNow;
        await GenerateDossiersAsync(db, units, dossierCount, ct);
        log.LogInformation("Seeded {Count} demo dossiers in {Seconds:F1} s", dossierCount, (DateTime.UtcNow - started).TotalSeconds);
    }

    private static async Task GenerateDossiersAsync(AppDbContext db, List<AdministrativeUnit> units, int count, CancellationToken ct)
    {
        var rng = new Random(20240101);
        var calendar = await ReferenceSeeder.LoadCalendarAsync(db, ct);
        var procedures = await db.Procedures.AsNoTracking().ToListAsync(ct);
        // Before 01/07/2025 dossiers go to the 22 districts, from that day to the 168 commune-level centres.
        var districts = units.Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Code).ToList();
        var centres2025 = units.Where(u => u.Level == UnitLevel.Commune && u.ValidFrom == ReferenceUnits.Reform2025).OrderBy(u => u.Code).ToList();
        var profiles = districts.Concat(centres2025).ToDictionary(d => d.Id, _ => new Profile(
            OnlineShare: 0.25 + rng.NextDouble() * 0.6,
            LateRate: 0.02 + rng.NextDouble() * 0.18,
            EarlyRate: 0.2 + rng.NextDouble() * 0.4,
            DigitiseRate: 0.5 + rng.NextDouble() * 0.5,
            ResultDigitiseRate: 0.4 + rng.NextDouble() * 0.6,
            OnlinePayRate: 0.3 + rng.NextDouble() * 0.65,
            SatisfiedRate: 0.7 + rng.NextDouble() * 0.28));
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.UnitId != null
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { u.Id, u.FullName, UnitId = u.UnitId!.Value, Role = r.Name! }).ToListAsync(ct);
        var citizens = await db.Users.AsNoTracking().Where(u => u.UnitId == null).OrderBy(u => u.Email).Select(u => new { u.Id, u.FullName, u.Cccd, u.Email, u.PhoneNumber }).ToListAsync(ct);
        var q1 = districts.Single(d => d.Code == Q1Code);
        AdministrativeUnit Centre(string code) => centres2025.Single(u => u.Code == code);
        var saiGon = Centre(SaiGonCode);
        // The other demo centres, in three former provinces, so that every demo desk has fresh work.
        AdministrativeUnit[] otherDesks = [Centre(XuanHoaCode), Centre(BenThanhCode), Centre(ThuDauMotCode), Centre(VungTauCode)];
        var counters = new Dictionary<(string, DateOnly), int>();
        var nowLocal = VietnamTime.ToLocal(DateTime.UtcNow);
        var firstDay = new DateTime(2024, 1, 2, 8, 0, 0);
        var span = (nowLocal.AddDays(-1) - firstDay).TotalDays;

        for (var i = 0; i < count; i++)
        {
            // Every 40th dossier belongs to a demo citizen in Quận 1 (Phường Sài Gòn after the reform), so "Hồ sơ của tôi" has history to show.
            var citizen = i % 40 == 0 && citizens.Count > 0 ? citizens[(i / 40) % citizens.Count] : null;
            var recent = i >= count - Math.Max(12, count / 50);
            // The last few dossiers arrive in the last days, so the reception queues have work waiting.
            var submittedLocal = recent
                ? nowLocal.AddHours(-rng.Next(1, 72))
                : WorkingMoment(calendar, firstDay.AddDays(rng.NextDouble() * span), rng);
            var afterReform = DateOnly.FromDateTime(submittedLocal) >= ReferenceUnits.Reform2025;
            // Fresh dossiers go mostly to the demo officers' desks, so their queues have work.
            var unit = citizen is not null ? (afterReform ? saiGon : q1)
                : recent && i % 3 != 2 ? (i % 3 == 0 ? saiGon : otherDesks[(i / 3) % otherDesks.Length])
                : afterReform ? centres2025[rng.Next(centres2025.Count)]
                : districts[rng.Next(districts.Count)];
            var profile = profiles[unit.Id];
            var procedure = procedures[rng.Next(procedures.Count)];
            var online = recent || rng.NextDouble() < profile.OnlineShare;
            var receivingAgency = unit.AgencyCode;

            var d = new Dossier
            {
                Id = Guid.NewGuid(),
                ProcedureId = procedure.Id,
                UnitId = unit.Id,
                UnitPath = unit.Path,
                ReceivingUnitId = unit.Id,
                ApplicantUserId = citizen?.Id,
                ApplicantName = citizen?.FullName ?? RandomName(rng),
                ApplicantCccd = citizen?.Cccd ?? RandomCccd(rng),
                ApplicantPhone = citizen?.PhoneNumber ?? "09" + rng.Next(10000000, 99999999),
                ApplicantEmail = citizen?.Email,
                ApplicantAddress = $"{rng.Next(1, 300)} {Streets[rng.Next(Streets.Length)]}, {unit.Name}",
                Channel = online ? DossierChannel.Online : DossierChannel.InPerson,
                SubmittedAt = VietnamTime.ToUtc(submittedLocal),
                FeeVnd = procedure.FeeVnd,
                IsDigitised = online || rng.NextDouble() < profile.DigitiseRate,
                FormDataJson = "{}",
            };
            var events = new List<DossierEvent>();
            void Event(DateTime local, string actor, string unitName, string action, DossierStage from, DossierStage to, string? note = null, bool? onTime = null) =>
                events.Add(new DossierEvent
                {
                    DossierId = d.Id, At = VietnamTime.ToUtc(local), ActorName = actor, ActorUnitName = unitName, Action = action,
                    FromStatus = events.Count == 0 ? null : DossierWorkflow.StatusOf(from), ToStatus = DossierWorkflow.StatusOf(to),
                    FromStage = events.Count == 0 ? null : from, ToStage = to, Note = note, OnTime = onTime,
                });
            // Where a demo officer works in the unit, the history names them and the specialist is the assignee.
            var officerName = staff.FirstOrDefault(o => o.UnitId == unit.Id && o.Role == Roles.Reception)?.FullName ?? "Cán bộ một cửa";
            var leaderName = staff.FirstOrDefault(o => o.UnitId == unit.Id && o.Role == Roles.UnitLeader)?.FullName ?? "Lãnh đạo đơn vị";
            var specialist = staff.FirstOrDefault(o => o.UnitId == unit.Id && o.Role == Roles.Specialist);
            var specialistName = specialist?.FullName ?? "Chuyên viên";

            // The code carries the reception date (Decree 61/2018 art. 26).
            var day = DateOnly.FromDateTime(submittedLocal);
            var seq = counters[(receivingAgency, day)] = counters.GetValueOrDefault((receivingAgency, day)) + 1;
            d.Code = DossierCode.Format(receivingAgency, day, seq);
            Event(submittedLocal, d.ApplicantName, "Người nộp hồ sơ", online ? "Submit" : "WalkIn", DossierStage.Submitted, DossierStage.Submitted);

            var fate = rng.NextDouble();
            var stage = DossierStage.Submitted;
            if (recent && fate < 0.6)
            {
                // Waiting at the one-stop desk.
            }
            else if (fate < 0.03)
            {
                stage = DossierStage.Refused;
                Event(submittedLocal.AddHours(3), officerName, unit.Name, nameof(DossierAction.Refuse), DossierStage.Submitted, stage, "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.");
                d.FinishedAt = VietnamTime.ToUtc(submittedLocal.AddHours(3));
            }
            else
            {
                var receivedLocal = submittedLocal.AddHours(1 + rng.Next(0, 20));
                if (receivedLocal > nowLocal) receivedLocal = nowLocal.AddMinutes(-5);
                // A district dissolved at the reform received nothing after its last day (30/06/2025).
                if (unit.ValidTo is DateOnly lastDay && DateOnly.FromDateTime(receivedLocal) > lastDay) receivedLocal = submittedLocal.AddMinutes(30);
                var start = DeadlineCalculator.EffectiveStart(receivedLocal, d.Channel, calendar);
                var due = DeadlineCalculator.ComputeDue(start, procedure.TimeLimit, calendar);
                d.ReceivedAt = VietnamTime.ToUtc(receivedLocal);
                d.ClockStartAt = VietnamTime.ToUtc(start);
                d.DueAt = d.OriginalDueAt = VietnamTime.ToUtc(due);
                Event(receivedLocal, officerName, unit.Name, nameof(DossierAction.Receive), DossierStage.Submitted, DossierStage.Received);
                stage = DossierStage.Received;

                var late = rng.NextDouble() < profile.LateRate;
                var early = !late && rng.NextDouble() < profile.EarlyRate;
                var finishLocal = late ? due.AddDays(1 + rng.Next(0, 6))
                    : early ? Max(receivedLocal.AddHours(2), due.AddDays(-(1 + rng.Next(0, 4))))
                    : due.Date.AddHours(8 + rng.Next(0, 8));
                if (finishLocal > due && !late) finishLocal = due;
                var assignLocal = receivedLocal.AddHours(2);
                var stepAt = assignLocal.AddHours(4);

                if (fate < 0.05)
                {
                    Event(stepAt, d.ApplicantName, "Người nộp hồ sơ", nameof(DossierAction.Withdraw), stage, DossierStage.Withdrawn, "Không còn nhu cầu giải quyết.");
                    stage = DossierStage.Withdrawn;
                    d.FinishedAt = VietnamTime.ToUtc(stepAt);
                }
                else if (fate < 0.06)
                {
                    Event(stepAt, leaderName, unit.Name, nameof(DossierAction.Stop), stage, DossierStage.Stopped, "Dừng xử lý theo đề nghị của cơ quan có thẩm quyền.");
                    stage = DossierStage.Stopped;
                    d.FinishedAt = VietnamTime.ToUtc(stepAt);
                }
                else if (fate < 0.10 || finishLocal > nowLocal)
                {
                    // Still in processing: leave it at a believable intermediate stage.
                    var target = rng.Next(5) switch
                    {
                        0 => DossierStage.Received,
                        1 => DossierStage.Assigned,
                        2 => DossierStage.AwaitingApproval,
                        3 => DossierStage.SupplementRequested,
                        _ => DossierStage.FinancialObligation,
                    };
                    if (target != DossierStage.Received)
                    {
                        Event(assignLocal, leaderName, unit.Name, nameof(DossierAction.Assign), DossierStage.Received, DossierStage.Assigned);
                        stage = DossierStage.Assigned;
                        d.AssignedOfficerId = specialist?.Id;
                    }
                    if (target == DossierStage.AwaitingApproval)
                        Event(stepAt, specialistName, unit.Name, nameof(DossierAction.ProposeResult), stage, target);
                    if (target == DossierStage.SupplementRequested)
                    {
                        d.SupplementCount = 1;
                        d.SupplementRequestedAt = VietnamTime.ToUtc(stepAt);
                        d.SupplementRequest = "Bổ sung bản sao giấy tờ tùy thân còn hiệu lực.";
                        Event(stepAt, specialistName, unit.Name, nameof(DossierAction.RequestSupplementInProcessing), stage, target, d.SupplementRequest);
                    }
                    if (target == DossierStage.FinancialObligation)
                        Event(stepAt, specialistName, unit.Name, nameof(DossierAction.RequestPayment), stage, target, "Nộp lệ phí theo quy định.");
                    stage = target;
                }
                else
                {
                    Event(assignLocal, leaderName, unit.Name, nameof(DossierAction.Assign), DossierStage.Received, DossierStage.Assigned);
                    d.AssignedOfficerId = specialist?.Id;
                    var proposeLocal = Max(assignLocal.AddHours(1), finishLocal.AddHours(-3));
                    Event(proposeLocal, specialistName, unit.Name, nameof(DossierAction.ProposeResult), DossierStage.Assigned, DossierStage.AwaitingApproval);
                    Event(finishLocal, leaderName, unit.Name, nameof(DossierAction.Approve), DossierStage.AwaitingApproval, DossierStage.ResultReady, onTime: finishLocal <= due);
                    stage = DossierStage.ResultReady;
                    d.Outcome = rng.NextDouble() < 0.96 ? DossierOutcome.Granted : DossierOutcome.Rejected;
                    d.FinishedAt = VietnamTime.ToUtc(finishLocal);
                    d.ResultDigitised = rng.NextDouble() < profile.ResultDigitiseRate;
                    d.FeePaidOnline = d.FeeVnd > 0 && online && rng.NextDouble() < profile.OnlinePayRate;
                    var returnLocal = finishLocal.AddHours(rng.Next(1, 30));
                    if (returnLocal < nowLocal && rng.NextDouble() < 0.92)
                    {
                        Event(returnLocal, officerName, unit.Name, nameof(DossierAction.Return), DossierStage.ResultReady, DossierStage.Returned);
                        stage = DossierStage.Returned;
                        d.ReturnedAt = VietnamTime.ToUtc(returnLocal);
                        if (rng.NextDouble() < 0.6)
                        {
                            var r = rng.NextDouble();
                            var level = r < profile.SatisfiedRate - (late ? 0.3 : 0) ? SatisfactionLevel.Satisfied
                                : r < profile.SatisfiedRate + 0.1 ? SatisfactionLevel.Normal : SatisfactionLevel.NotSatisfied;
                            db.Ratings.Add(new Rating { DossierId = d.Id, Level = level, At = VietnamTime.ToUtc(returnLocal.AddHours(2)),
                                Comment = level == SatisfactionLevel.NotSatisfied ? "Thời gian chờ đợi lâu." : null });
                        }
                    }
                }
            }
            d.Stage = stage;
            d.Status = DossierWorkflow.StatusOf(stage);
            db.Dossiers.Add(d);
            db.DossierEvents.AddRange(events);
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.DossierCodeCounters.AddRange(counters.Select(c => new DossierCodeCounter { AgencyCode = c.Key.Item1, Day = c.Key.Item2, LastNumber = c.Value }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Moves a moment into office hours of a working day.</summary>
    private static DateTime WorkingMoment(WorkingCalendar calendar, DateTime local, Random rng)
    {
        var day = calendar.SameOrNextWorkingDay(DateOnly.FromDateTime(local));
        return day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(rng.Next(0, 9 * 60));
    }

    private static string RandomName(Random rng) =>
        $"{FamilyNames[rng.Next(FamilyNames.Length)]} {MiddleNames[rng.Next(MiddleNames.Length)]} {GivenNames[rng.Next(GivenNames.Length)]}";

    /// <summary>A CCCD of the shape in domain.md §8: province 079, century-sex digit, year of birth, six random digits.</summary>
    private static string RandomCccd(Random rng)
    {
        var year = rng.Next(1950, 2006);
        var centurySex = (year >= 2000 ? 2 : 0) + rng.Next(2);
        return $"079{centurySex}{year % 100:D2}{rng.Next(0, 1_000_000):D6}";
    }
}
