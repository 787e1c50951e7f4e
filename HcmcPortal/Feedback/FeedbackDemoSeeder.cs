using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using SkiaSharp;

namespace HcmcPortal.Feedback;

/// <summary>
/// Demo reports (issue 13, item 7): a year of reports over the 168 units, denser in the central wards, in every status,
/// some late, some reopened, most answered ones rated. Deterministic (fixed seed), inserted in batches, and only into an
/// empty table, so a restart never adds more.
/// </summary>
public static class FeedbackDemoSeeder
{
    /// <summary>The reporters: a pool of demo residents without a password (they cannot sign in), plus the two demo citizens.</summary>
    private const int ResidentPool = 150;
    private static readonly (double Lat, double Lng) Centre = (10.7769, 106.7009);

    private static readonly (int CategoryId, double Weight, string[] Titles)[] Kinds =
    [
        (1, 0.22, ["Lấn chiếm vỉa hè để kinh doanh", "Công trình xây dựng không che chắn", "Quảng cáo rao vặt dán trên cột điện", "Xây dựng sai phép trong hẻm"]),
        (2, 0.25, ["Rác thải tồn đọng nhiều ngày", "Cống thoát nước bị nghẹt, bốc mùi", "Đốt rác gây khói", "Nước thải chảy tràn ra đường"]),
        (3, 0.20, ["Ổ gà lớn trên mặt đường", "Đèn tín hiệu giao thông không hoạt động", "Đèn chiếu sáng công cộng bị hư", "Nắp hố ga bị bể"]),
        (4, 0.10, ["Tụ tập gây mất trật tự ban đêm", "Karaoke gây ồn sau 22 giờ", "Đua xe trái phép"]),
        (5, 0.08, ["Trễ hẹn trả kết quả hồ sơ", "Hướng dẫn thủ tục chưa rõ ràng", "Cán bộ tiếp nhận thái độ chưa đúng mực"]),
        (6, 0.05, ["Trường học thiếu nhà vệ sinh sạch", "Trạm y tế đóng cửa sớm"]),
        (7, 0.10, ["Cây xanh có nguy cơ gãy đổ", "Chó thả rông không rọ mõm", "Góp ý về hoạt động của khu phố"]),
    ];

    public static async Task SeedAsync(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, int count, ILogger log, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (count <= 0 || await db.FeedbackReports.AnyAsync(ct))
            return;
        var started = DateTime.UtcNow;
        db.ActorId = "system";
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rng = new Random(13_022);
        var calendar = await ReferenceSeeder.LoadCalendarAsync(db, ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        var today = DateOnly.FromDateTime(nowLocal);
        var units = await db.Units.AsNoTracking().ValidOn(today).Where(u => u.Level == UnitLevel.Commune)
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code);
        // Each unit's weight falls with the distance from the old centre: the central wards get the most reports.
        var areas = UnitLocator.ReadBoundaries().Where(b => byCode.ContainsKey(b.Code))
            .Select(b => (Unit: byCode[b.Code], Shape: PreparedGeometryFactory.Prepare(b.Shape), Box: b.Shape.EnvelopeInternal,
                Weight: 0.08 + Math.Exp(-FeedbackService.Metres(Centre.Lat, Centre.Lng, b.Shape.Centroid.Y, b.Shape.Centroid.X) / 6000.0)))
            .ToList();
        if (areas.Count == 0)
            return;
        var totalWeight = areas.Sum(a => a.Weight);
        var lateRate = areas.ToDictionary(a => a.Unit.Id, _ => 0.03 + rng.NextDouble() * 0.2);
        var satisfiedRate = areas.ToDictionary(a => a.Unit.Id, _ => 0.55 + rng.NextDouble() * 0.4);
        var officers = await (from u in db.Users.AsNoTracking()
                              where u.UnitId != null
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Reception || r.Name == Roles.Specialist || r.Name == Roles.UnitLeader
                              select new { u.Id, u.FullName, UnitId = u.UnitId!.Value }).ToListAsync(ct);
        var reporters = await ResidentsAsync(db, rng, nowUtc, ct);
        var evidence = EvidencePhotos();

        for (var i = 0; i < count; i++)
        {
            var area = Pick(areas, a => a.Weight, totalWeight, rng);
            var kind = Pick(Kinds, k => k.Weight, 1.0, rng);
            var point = PointIn(area.Shape, area.Box, rng);
            // Spread over the last 12 months, a little more in recent months; the last few arrive in the last days.
            var ageDays = i >= count - Math.Max(10, count / 40) ? rng.NextDouble() * 4 : Math.Pow(rng.NextDouble(), 1.3) * 365;
            var submittedLocal = nowLocal.AddDays(-ageDays);
            var unitOfficer = officers.FirstOrDefault(o => o.UnitId == area.Unit.Id);
            var officerId = unitOfficer?.Id;
            var officerName = unitOfficer?.FullName ?? $"Cán bộ {area.Unit.Name}";
            var reporter = reporters[i % 37 == 0 ? i % 2 : rng.Next(reporters.Count)];
            var report = new FeedbackReport
            {
                Id = Guid.NewGuid(),
                Code = $"PA{submittedLocal:yyMMdd}-D{i:D5}",
                CategoryId = kind.CategoryId,
                Title = kind.Titles[rng.Next(kind.Titles.Length)],
                Description = $"Người dân phản ánh tại khu vực {area.Unit.Name}: tình trạng kéo dài, đề nghị đơn vị kiểm tra, xử lý.",
                Latitude = Math.Round(point.Y, 6),
                Longitude = Math.Round(point.X, 6),
                Address = $"Khu phố {rng.Next(1, 12)}, {area.Unit.Name}",
                UnitId = area.Unit.Id,
                ReporterUserId = reporter,
                AnonymousToPublic = rng.NextDouble() < 0.35,
                PhotosPublic = rng.NextDouble() < 0.7,
                Status = FeedbackStatus.Submitted,
                SubmittedAt = VietnamTime.ToUtc(submittedLocal),
                ArrivedAt = VietnamTime.ToUtc(submittedLocal),
                AcceptDueAt = VietnamTime.ToUtc(FeedbackDeadlines.AcceptDue(submittedLocal, calendar)),
            };
            var events = new List<FeedbackEvent> { Event(report, FeedbackAction.Submit, null, reporter, "Người phản ánh", submittedLocal, null) };
            Play(report, events, rng, calendar, nowLocal, officerId, officerName, lateRate[area.Unit.Id], satisfiedRate[area.Unit.Id], evidence, db);
            report.DueAt = FeedbackDeadlines.RunningDue(report.Status, report.AcceptDueAt, report.ResolveDueAt, report.PublishDueAt);
            // The demo's past deadlines were reminded and escalated in their time: a fresh start sends no burst.
            report.RemindedForDueAt = report.EscalatedForDueAt = report.DueAt;
            db.FeedbackReports.Add(report);
            db.FeedbackEvents.AddRange(events);
            if (i % 1000 == 999)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Count} demo feedback reports in {Seconds:F1} s", count, (DateTime.UtcNow - started).TotalSeconds);
    }

    /// <summary>Moves a report through its life up to now: the unit's speed and its residents' satisfaction differ by unit.</summary>
    private static void Play(FeedbackReport r, List<FeedbackEvent> events, Random rng, WorkingCalendar cal, DateTime nowLocal, string? officerId,
        string officerName, double lateRate, double satisfiedRate, (byte[] Full, byte[] Thumb)[] evidence, AppDbContext db)
    {
        var t = VietnamTime.ToLocal(r.SubmittedAt);
        DateTime Step(double workingDaysMax) => t.AddHours(2 + rng.NextDouble() * workingDaysMax * 24);
        // Accept (a few are refused or transferred first).
        var decided = Step(1.5);
        if (decided > nowLocal)
            return;
        var roll = rng.NextDouble();
        if (roll < 0.05)
        {
            r.Status = FeedbackStatus.Refused;
            r.RefusedAt = VietnamTime.ToUtc(decided);
            r.RefusalReason = "Nội dung không thuộc thẩm quyền giải quyết hoặc đã được trả lời trước đó.";
            events.Add(Event(r, FeedbackAction.Refuse, FeedbackStatus.Submitted, officerId, officerName, decided, r.RefusalReason));
            return;
        }
        t = decided;
        r.Status = FeedbackStatus.Accepted;
        r.AcceptedAt = VietnamTime.ToUtc(t);
        r.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResolveDue(t, cal));
        events.Add(Event(r, FeedbackAction.Accept, FeedbackStatus.Submitted, officerId, officerName, t, null));
        if (rng.NextDouble() < 0.06)
        {
            // Asked the reporter; most answered within a few days, the clock moved by the days waited.
            var asked = Step(4);
            if (asked > nowLocal)
                return;
            var answered = asked.AddDays(1 + rng.NextDouble() * 5);
            events.Add(Event(r, FeedbackAction.RequestInfo, FeedbackStatus.Accepted, officerId, officerName, asked, "Đề nghị cung cấp thêm vị trí cụ thể và thời điểm xảy ra."));
            if (answered > nowLocal || rng.NextDouble() < 0.15)
            {
                r.Status = FeedbackStatus.AwaitingInfo;
                r.ClockStoppedAt = VietnamTime.ToUtc(asked);
                r.InfoRequest = "Đề nghị cung cấp thêm vị trí cụ thể và thời điểm xảy ra.";
                return;
            }
            r.StoppedWorkingDays = FeedbackDeadlines.StoppedWorkingDays(asked, answered, cal);
            r.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResumeAfterInfo(VietnamTime.ToLocal(r.ResolveDueAt.Value), asked, answered, cal));
            events.Add(Event(r, FeedbackAction.ProvideInfo, FeedbackStatus.AwaitingInfo, r.ReporterUserId, "Người phản ánh", answered, "Đã bổ sung vị trí và thời điểm."));
            t = answered;
        }
        var late = rng.NextDouble() < lateRate;
        var resolveDue = VietnamTime.ToLocal(r.ResolveDueAt.Value);
        var resolved = late ? resolveDue.AddDays(1 + rng.NextDouble() * 10) : t.AddHours((resolveDue - t).TotalHours * (0.2 + rng.NextDouble() * 0.75));
        if (resolved > nowLocal)
            return; // still in progress (and overdue when past its date)
        Resolve(r, events, rng, cal, resolved, officerId, officerName, evidence, db);
        t = resolved;
        // Published (a few still waiting), rated, and some reopened within 7 days and answered again.
        if (!Publish(r, events, rng, cal, nowLocal, officerId, officerName, ref t))
            return;
        if (Rate(r, events, rng, nowLocal, satisfiedRate, ref t) == false && rng.NextDouble() < 0.4)
        {
            var reopened = t.AddHours(2 + rng.NextDouble() * 48);
            if (reopened > nowLocal || reopened > VietnamTime.ToLocal(r.ResolvedAt!.Value) + FeedbackDeadlines.ReopenWindow)
                return;
            r.Status = FeedbackStatus.Accepted;
            r.ReopenCount++;
            r.LastReopenedAt = VietnamTime.ToUtc(reopened);
            r.ResolvedOnTime = false;
            r.ResolveDueAt = VietnamTime.ToUtc(FeedbackDeadlines.ResolveDue(reopened, cal));
            events.Add(Event(r, FeedbackAction.Reopen, FeedbackStatus.Published, r.ReporterUserId, "Người phản ánh", reopened, "Vấn đề vẫn chưa được khắc phục."));
            var again = reopened.AddDays(2 + rng.NextDouble() * 12);
            if (again > nowLocal)
                return;
            Resolve(r, events, rng, cal, again, officerId, officerName, evidence, db);
            t = again;
            if (Publish(r, events, rng, cal, nowLocal, officerId, officerName, ref t))
                Rate(r, events, rng, nowLocal, satisfiedRate + 0.1, ref t);
        }
    }

    private static void Resolve(FeedbackReport r, List<FeedbackEvent> events, Random rng, WorkingCalendar cal, DateTime at, string? officerId, string officerName,
        (byte[] Full, byte[] Thumb)[] evidence, AppDbContext db)
    {
        var from = r.Status;
        r.Status = FeedbackStatus.Resolved;
        r.ResolvedAt = VietnamTime.ToUtc(at);
        r.Answer = "Đơn vị đã kiểm tra thực tế, phối hợp các lực lượng xử lý dứt điểm; sẽ tiếp tục theo dõi, kiểm tra định kỳ.";
        r.ResolvedOnTime = FeedbackDeadlines.IsResolvedOnTime(at, VietnamTime.ToLocal(r.ResolveDueAt!.Value), r.ReopenCount);
        r.PublishDueAt = VietnamTime.ToUtc(FeedbackDeadlines.PublishDue(at, cal));
        events.Add(Event(r, FeedbackAction.Resolve, from, officerId, officerName, at, r.Answer));
        // A report is never closed without a photo of the result.
        var (full, thumb) = evidence[rng.Next(evidence.Length)];
        var id = Guid.NewGuid();
        db.FeedbackPhotos.Add(new FeedbackPhoto
        {
            Id = id, ReportId = r.Id, Kind = FeedbackPhotoKind.Evidence, FileName = "ket-qua-xu-ly.jpg", ContentType = "image/jpeg", Size = full.Length,
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(full)), Width = 160, Height = 120, Thumbnail = thumb,
            UploadedAt = r.ResolvedAt.Value, UploadedBy = officerId, Content = new FeedbackPhotoContent { PhotoId = id, Data = full },
        });
    }

    private static bool Publish(FeedbackReport r, List<FeedbackEvent> events, Random rng, WorkingCalendar cal, DateTime nowLocal, string? officerId, string officerName, ref DateTime t)
    {
        var published = t.AddHours(1 + rng.NextDouble() * (rng.NextDouble() < 0.08 ? 120 : 30));
        if (published > nowLocal)
            return false;
        r.Status = FeedbackStatus.Published;
        r.PublishedAt = VietnamTime.ToUtc(published);
        events.Add(Event(r, FeedbackAction.Publish, FeedbackStatus.Resolved, officerId, officerName, published, null));
        t = published;
        return true;
    }

    /// <summary>Rates about 70% of answers; returns the rating, or null when the reporter did not rate.</summary>
    private static bool? Rate(FeedbackReport r, List<FeedbackEvent> events, Random rng, DateTime nowLocal, double satisfiedRate, ref DateTime t)
    {
        var rated = t.AddHours(1 + rng.NextDouble() * 72);
        if (rated > nowLocal || rng.NextDouble() > 0.7)
            return null;
        var satisfied = rng.NextDouble() < satisfiedRate;
        r.Satisfied = satisfied;
        r.RatingReason = satisfied ? null : "Xử lý chưa triệt để, tình trạng tái diễn.";
        r.RatedAt = VietnamTime.ToUtc(rated);
        events.Add(Event(r, FeedbackAction.Rate, r.Status, r.ReporterUserId, "Người phản ánh", rated, satisfied ? "Hài lòng" : "Không hài lòng: " + r.RatingReason));
        t = rated;
        return satisfied;
    }

    private static FeedbackEvent Event(FeedbackReport r, FeedbackAction action, FeedbackStatus? from, string? actorId, string actorName, DateTime atLocal, string? note) => new()
    {
        ReportId = r.Id, At = VietnamTime.ToUtc(atLocal), ActorUserId = actorId, ActorName = actorName, Action = action, FromStatus = from,
        ToStatus = action switch
        {
            FeedbackAction.Submit => FeedbackStatus.Submitted,
            FeedbackAction.Rate => r.Status,
            _ => FeedbackWorkflow.Apply(from!.Value, action),
        },
        ToUnitId = action == FeedbackAction.Submit ? r.UnitId : null, Note = note,
    };

    /// <summary>The demo residents who send reports: created once without a password (they cannot sign in), plus the two demo citizens.</summary>
    private static async Task<List<string>> ResidentsAsync(AppDbContext db, Random rng, DateTime nowUtc, CancellationToken ct)
    {
        var demoCitizens = await db.Users.Where(u => u.Email == "congdan@demo.hcmc.vn" || u.Email == "congdan2@demo.hcmc.vn")
            .OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
        var residents = new List<AppUser>();
        for (var i = 1; i <= ResidentPool; i++)
        {
            // Not @demo.hcmc.vn: those are the demo accounts one can sign in with (README), and these cannot.
            var email = $"nguoidan{i:D3}@nguoidan.demo.hcmc.vn";
            residents.Add(new AppUser
            {
                Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"),
                FullName = $"Người dân {i:D3}", CreatedAt = nowUtc,
            });
        }
        db.Users.AddRange(residents);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return [.. demoCitizens, .. residents.Select(r => r.Id)];
    }

    /// <summary>A few small "result" pictures drawn once (a clean street in different colours), shared by the demo answers.</summary>
    private static (byte[] Full, byte[] Thumb)[] EvidencePhotos()
    {
        SKColor[] colours = [new(0x4c, 0xaf, 0x50), new(0x03, 0x9b, 0xe5), new(0x8d, 0x6e, 0x63), new(0x78, 0x90, 0x9c)];
        return [.. colours.Select(c =>
        {
            using var bitmap = new SKBitmap(160, 120);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor(0xec, 0xef, 0xf1));
                using var paint = new SKPaint { Color = c };
                canvas.DrawRect(0, 70, 160, 50, paint);
                canvas.DrawRect(20, 20, 40, 50, paint);
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 70);
            var bytes = data.ToArray();
            return (bytes, bytes);
        })];
    }

    private static T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight, double total, Random rng)
    {
        var x = rng.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x <= 0)
                return item;
        }
        return items[^1];
    }

    /// <summary>A random point inside the unit (rejection sampling in its bounding box; its centre of mass as a last resort).</summary>
    private static Point PointIn(IPreparedGeometry shape, Envelope box, Random rng)
    {
        var factory = shape.Geometry.Factory;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var p = factory.CreatePoint(new Coordinate(box.MinX + rng.NextDouble() * box.Width, box.MinY + rng.NextDouble() * box.Height));
            if (shape.Contains(p))
                return p;
        }
        return shape.Geometry.InteriorPoint;
    }
}
