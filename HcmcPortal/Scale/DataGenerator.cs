using System.Diagnostics;
using System.Globalization;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using Microsoft.Data.Sqlite;
using System.Threading.Channels;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace HcmcPortal.Scale;

/// <summary>
/// Fills a SQLite database with N dossiers from 02/01/2024 to today, for measuring the portal at city scale
/// (issue 12): the 22 districts before 01/07/2025 and the 168 commune-level centres from that day, each unit with its
/// own volume and performance; every status in believable proportions (most dossiers returned, refusals,
/// withdrawals, stops, a realistic open set: recent dossiers in processing and a few stuck overdue), deadlines on the
/// working-day calendar (some late), supplements, transfers, ratings, file metadata (no file bytes) and timelines.
/// <para>One thread generates the rows in blocks, a second writes them through prepared statements bound by position,
/// in one transaction with the secondary indexes dropped and rebuilt afterwards (one sort per index instead of random
/// B-tree inserts); dossier ids are time-ordered (GUID v7) so the primary key grows at its end. Deterministic for a
/// given N. The report roll-ups are counted while generating, by the counters the rebuild uses
/// (<see cref="DossierRollups.Add"/>), so the dossiers are never read back.</para>
/// </summary>
public static class DataGenerator
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Quốc", "Hoàng", "Bảo", "Gia"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Nhung", "Phúc", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Vy", "Yến"];
    private static readonly string[] Streets = ["Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Nguyễn Thị Minh Khai", "Võ Văn Tần", "Lý Thường Kiệt", "Trường Chinh", "Phan Văn Trị"];

    /// <summary>The tables the generator writes; their secondary indexes are dropped during the load and rebuilt after it.</summary>
    private static readonly string[] Tables = ["Dossiers", "DossierEvents", "Files", "Ratings", "DossierCodeCounters"];

    private sealed record UnitInfo(int Id, string Name, string Path, string AgencyCode, double Weight, double OnlineShare, double LateRate, double EarlyRate,
        double DigitiseRate, double ResultDigitiseRate, double OnlinePayRate, double SatisfiedRate);

    private sealed record ProcedureInfo(int Id, long FeeVnd, TimeLimit Limit, int[] RequiredDocumentIds);

    /// <summary>Adds <paramref name="count"/> dossiers to the (migrated, seeded, still dossier-free) database of <paramref name="dbFactory"/>.</summary>
    public static async Task<TimeSpan> GenerateAsync(IDbContextFactory<AppDbContext> dbFactory, int count, Action<string> log, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var phase = new PhaseClock(log);
        var rng = new Random(20240102);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Dossiers.AnyAsync(ct))
            throw new InvalidOperationException("The database already holds dossiers: generate into a new database file.");
        var calendar = await ReferenceSeeder.LoadCalendarAsync(db, ct);
        var allUnits = await db.Units.AsNoTracking().ToListAsync(ct);
        UnitInfo Profile(AdministrativeUnit u) => new(u.Id, u.Name, u.Path, u.AgencyCode,
            // Volumes differ a lot between units (a central ward against an island): a log-normal-like spread.
            Weight: Math.Exp(rng.NextDouble() * 2.5),
            OnlineShare: 0.25 + rng.NextDouble() * 0.6, LateRate: 0.02 + rng.NextDouble() * 0.15, EarlyRate: 0.2 + rng.NextDouble() * 0.4,
            DigitiseRate: 0.5 + rng.NextDouble() * 0.5, ResultDigitiseRate: 0.4 + rng.NextDouble() * 0.6,
            OnlinePayRate: 0.3 + rng.NextDouble() * 0.65, SatisfiedRate: 0.7 + rng.NextDouble() * 0.28);
        var districts = allUnits.Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Code).Select(Profile).ToArray();
        var centres = allUnits.Where(u => u.Level == UnitLevel.Commune && u.ValidFrom == ReferenceUnits.Reform2025).OrderBy(u => u.Code).Select(Profile).ToArray();
        var procedures = (await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).OrderBy(p => p.Id).ToListAsync(ct))
            .Select(p => new ProcedureInfo(p.Id, p.FeeVnd, p.TimeLimit, [.. p.RequiredDocuments.OrderBy(r => r.Order).Select(r => r.Id)])).ToArray();
        // Popular procedures (birth, residence, certification) take most of the volume.
        var procedurePicker = new WeightedPicker(procedures.Select((_, i) => 1.0 / (1 + i % 12)));
        var districtPicker = new WeightedPicker(districts.Select(u => u.Weight));
        var centrePicker = new WeightedPicker(centres.Select(u => u.Weight));
        UnitInfo Pick(bool afterReform) => afterReform ? centres[centrePicker.Next(rng)] : districts[districtPicker.Next(rng)];
        var citizens = await db.Users.AsNoTracking().Where(u => u.UnitId == null && u.Cccd != null).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.FullName, u.Cccd, u.Email, u.PhoneNumber }).ToListAsync(ct);
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.UnitId != null
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { u.Id, u.FullName, UnitId = u.UnitId!.Value, Role = r.Name! }).ToListAsync(ct);
        // The first staff member of each unit and role (a lookup per dossier, not a scan of the staff list).
        var staffByRole = new Dictionary<(int, string), (string Id, string FullName)>();
        foreach (var s in staff)
            staffByRole.TryAdd((s.UnitId, s.Role), (s.Id, s.FullName));
        string? StaffOf(int unitId, string role) => staffByRole.TryGetValue((unitId, role), out var s) ? s.Id : null;
        string StaffName(int unitId, string role, string fallback) => staffByRole.TryGetValue((unitId, role), out var s) ? s.FullName : fallback;

        var connectionString = db.Database.GetConnectionString()!;
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        await ExecAsync(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;", ct);
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(",", Tables.Select(t => $"'{t}'"))})";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            await ExecAsync(conn, $"DROP INDEX \"{name}\";", ct);

        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct);
        using var insertDossier = new RawInsert(conn, "Dossiers", ["Id", "Code", "ProcedureId", "UnitId", "UnitPath", "ReceivingUnitId", "ApplicantUserId", "ApplicantName",
            "ApplicantSearchName", "ApplicantCccd", "ApplicantPhone", "ApplicantEmail", "ApplicantAddress", "Channel", "Status", "Stage", "Outcome", "FormDataJson",
            "SubmittedAt", "ReceivedAt", "ClockStartAt", "DueAt", "OriginalDueAt", "ReappointmentCount", "FinishedAt", "ReturnedAt", "AssignedOfficerId",
            "SupplementCount", "SupplementRequestedAt", "SupplementRequest", "SupplementAtReception", "IsDigitised", "ResultDigitised", "FeeVnd", "FeePaidOnline",
            "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version"]);
        using var insertEvent = new RawInsert(conn, "DossierEvents", ["DossierId", "At", "ActorName", "ActorUnitId", "ActorUnitName", "Action", "FromStatus", "ToStatus",
            "FromStage", "ToStage", "ToUnitId", "Note", "OnTime"]);
        using var insertFile = new RawInsert(conn, "Files", ["Id", "DossierId", "RequiredDocumentId", "Kind", "FileName", "ContentType", "Size", "Sha256", "UploadedAt", "UploadedBy"]);
        using var insertRating = new RawInsert(conn, "Ratings", ["DossierId", "Level", "Comment", "At"]);
        // Two cores: this thread generates blocks of rows, a second one writes them (SQLite has one writer anyway);
        // the written blocks come back to be refilled, so the load allocates no new buffers.
        const int dossiersPerBatch = 1_000;
        var full = Channel.CreateBounded<Batch>(new BoundedChannelOptions(3) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<Batch>();
        for (var b = 0; b < 4; b++)
            free.Writer.TryWrite(new Batch());
        // Which thread is the bottleneck: the time the writer spends in SQLite and the time the generator waits for it.
        var writerBusy = new Stopwatch();
        var generatorWaiting = new Stopwatch();
        var writing = Task.Factory.StartNew(async () =>
        {
            try
            {
                await foreach (var written in full.Reader.ReadAllAsync(ct))
                {
                    writerBusy.Start();
                    insertDossier.WriteAll(written.Dossiers);
                    insertEvent.WriteAll(written.Events);
                    insertFile.WriteAll(written.Files);
                    insertRating.WriteAll(written.Ratings);
                    writerBusy.Stop();
                    free.Writer.TryWrite(written);
                }
            }
            catch (Exception e)
            {
                // Wake the generating thread instead of leaving it waiting for a block that never comes back.
                full.Writer.TryComplete(e);
                free.Writer.TryComplete(e);
                throw;
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        var batch = await free.Reader.ReadAsync(ct);
        var rollups = new Dictionary<DossierRollups.Key, int[]>();

        var folded = new Dictionary<string, string>();
        var counters = new Dictionary<(string, DateOnly), int>();
        var nowLocal = VietnamTime.ToLocal(DateTime.UtcNow);
        var firstDay = new DateTime(2024, 1, 2);
        var days = (int)(nowLocal.Date - firstDay).TotalDays;
        // Dossiers are spread evenly over the days, so volume is the same per day before and after the reform.
        var citizenEvery = Math.Max(1, count / 400);
        var updated = Utc(nowLocal);
        var events = 0L;
        var files = 0L;
        var ratings = 0L;

        for (var i = 0; i < count; i++)
        {
            var dayIndex = (int)((long)i * days / count);
            var submittedLocal = WorkingMoment(calendar, firstDay.AddDays(dayIndex), rng);
            if (submittedLocal > nowLocal)
                submittedLocal = nowLocal.AddMinutes(-rng.Next(5, 600));
            var afterReform = DateOnly.FromDateTime(submittedLocal) >= ReferenceUnits.Reform2025;
            var citizen = i % citizenEvery == 0 && citizens.Count > 0 ? citizens[(i / citizenEvery) % citizens.Count] : null;
            var unit = Pick(afterReform);
            var procedure = procedures[procedurePicker.Next(rng)];
            var online = rng.NextDouble() < unit.OnlineShare;
            var channel = online ? DossierChannel.Online : DossierChannel.InPerson;
            var id = Guid.CreateVersion7(new DateTimeOffset(VietnamTime.ToUtc(submittedLocal)));
            var name = citizen?.FullName ?? $"{FamilyNames[rng.Next(FamilyNames.Length)]} {MiddleNames[rng.Next(MiddleNames.Length)]} {GivenNames[rng.Next(GivenNames.Length)]}";
            if (!folded.TryGetValue(name, out var searchName))
                folded[name] = searchName = VietnameseText.Fold(name);
            var day = DateOnly.FromDateTime(submittedLocal);
            var seq = counters[(unit.AgencyCode, day)] = counters.GetValueOrDefault((unit.AgencyCode, day)) + 1;
            var code = DossierCode.Format(unit.AgencyCode, day, seq);
            var officerName = StaffName(unit.Id, Roles.Reception, "Cán bộ một cửa");
            var leaderName = StaffName(unit.Id, Roles.UnitLeader, "Lãnh đạo đơn vị");
            var specialistId = StaffOf(unit.Id, Roles.Specialist);
            var specialistName = StaffName(unit.Id, Roles.Specialist, "Chuyên viên");
            var holder = unit;
            var isDigitised = online || rng.NextDouble() < unit.DigitiseRate;
            DateTime? receivedAt = null, clockStart = null, dueAt = null, finishedAt = null, returnedAt = null, supplementRequestedAt = null;
            string? assigned = null, supplementRequest = null;
            var supplementCount = 0;
            var outcome = DossierOutcome.None;
            bool resultDigitised = false, feePaidOnline = false;
            var stage = DossierStage.Submitted;
            var idText = id.ToString().ToUpperInvariant();
            var previous = (DossierStage?)null;
            var rating = (SatisfactionLevel?)null;

            void Event(DateTime local, string actor, UnitInfo? at, string action, DossierStage to, string? note = null, bool? onTime = null, int? toUnit = null)
            {
                var p = batch.Events.NextRow();
                p[0] = idText;
                p[1] = Utc(local);
                p[2] = actor;
                p[3] = at?.Id;
                p[4] = at?.Name ?? "Người nộp hồ sơ";
                p[5] = action;
                p[6] = previous is { } f ? (int)DossierWorkflow.StatusOf(f) : null;
                p[7] = (int)DossierWorkflow.StatusOf(to);
                p[8] = previous is { } s ? (int)s : null;
                p[9] = (int)to;
                p[10] = toUnit;
                p[11] = note;
                p[12] = onTime is bool b ? (b ? 1 : 0) : null;
                previous = to;
                events++;
            }
            void File(FileKind kind, int? requiredDocumentId, string fileName, DateTime local, string contentType)
            {
                var p = batch.Files.NextRow();
                p[0] = Guid.CreateVersion7(new DateTimeOffset(VietnamTime.ToUtc(local))).ToString().ToUpperInvariant();
                p[1] = idText;
                p[2] = requiredDocumentId;
                p[3] = (int)kind;
                p[4] = fileName;
                p[5] = contentType;
                p[6] = 40_000 + rng.Next(0, 2_000_000);
                p[7] = Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextInt64())).PadLeft(64, '0');
                p[8] = Utc(local);
                p[9] = null;
                files++;
            }

            Event(submittedLocal, name, null, online ? "Submit" : "WalkIn", DossierStage.Submitted);
            if (online)
                foreach (var (docId, n) in procedure.RequiredDocumentIds.Take(2).Select((d, n) => (d, n)))
                    File(FileKind.Application, docId, n == 0 ? "to-khai.pdf" : "giay-to-kem-theo.pdf", submittedLocal, "application/pdf");
            else if (isDigitised)
                File(FileKind.Scan, procedure.RequiredDocumentIds.FirstOrDefault() is var first and > 0 ? first : null, "ban-quet.pdf", submittedLocal, "application/pdf");

            var fate = rng.NextDouble();
            var ageDays = (nowLocal - submittedLocal).TotalDays;
            if (online && ageDays < 2 && fate < 0.6)
            {
                // Waiting at the one-stop desk.
            }
            else if (fate < 0.025)
            {
                stage = DossierStage.Refused;
                var at = submittedLocal.AddHours(3) < nowLocal ? submittedLocal.AddHours(3) : nowLocal.AddMinutes(-1);
                Event(at, officerName, unit, nameof(DossierAction.Refuse), stage, "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.");
                finishedAt = VietnamTime.ToUtc(at);
            }
            else
            {
                var receivedLocal = online ? submittedLocal.AddHours(1 + rng.Next(0, 20)) : submittedLocal;
                if (receivedLocal > nowLocal) receivedLocal = nowLocal.AddMinutes(-5);
                var start = DeadlineCalculator.EffectiveStart(receivedLocal, channel, calendar);
                var due = DeadlineCalculator.ComputeDue(start, procedure.Limit, calendar);
                receivedAt = VietnamTime.ToUtc(receivedLocal);
                clockStart = VietnamTime.ToUtc(start);
                dueAt = VietnamTime.ToUtc(due);
                Event(receivedLocal, officerName, unit, nameof(DossierAction.Receive), DossierStage.Received);
                stage = DossierStage.Received;
                var assignLocal = receivedLocal.AddHours(2);
                var stepLocal = assignLocal.AddHours(4);

                // About 2 % are transferred to another unit of the same structure (liên thông) right after reception.
                if (rng.NextDouble() < 0.02)
                {
                    var target = Pick(afterReform);
                    if (target.Id != unit.Id)
                    {
                        Event(assignLocal.AddHours(-1), leaderName, unit, nameof(DossierAction.Transfer), DossierStage.Received, $"Chuyển liên thông đến {target.Name}.", toUnit: target.Id);
                        holder = target;
                        specialistId = StaffOf(target.Id, Roles.Specialist);
                    }
                }
                var late = rng.NextDouble() < unit.LateRate;
                var early = !late && rng.NextDouble() < unit.EarlyRate;
                var finishLocal = late ? due.AddDays(1 + rng.Next(0, 6))
                    : early ? Max(receivedLocal.AddHours(2), due.AddDays(-(1 + rng.Next(0, 4))))
                    : due.Date.AddHours(8 + rng.Next(0, 8));
                if (finishLocal > due && !late) finishLocal = due;
                // Supplements during processing: about 8 %, a few asked twice (counted late, Decision 766).
                if (rng.NextDouble() < 0.08 && stepLocal < nowLocal)
                {
                    Event(assignLocal, leaderName, holder, nameof(DossierAction.Assign), DossierStage.Assigned);
                    assigned = specialistId;
                    supplementCount = rng.NextDouble() < 0.15 ? 2 : 1;
                    supplementRequest = "Bổ sung bản sao giấy tờ tùy thân còn hiệu lực.";
                    Event(stepLocal, specialistName, holder, nameof(DossierAction.RequestSupplementInProcessing), DossierStage.SupplementRequested, supplementRequest);
                    var backLocal = stepLocal.AddDays(1 + rng.Next(0, 5));
                    if (backLocal > nowLocal || rng.NextDouble() < 0.03)
                    {
                        stage = DossierStage.SupplementRequested;
                        supplementRequestedAt = VietnamTime.ToUtc(stepLocal);
                        finishLocal = DateTime.MaxValue;
                    }
                    else
                    {
                        Event(backLocal, name, null, nameof(DossierAction.SubmitSupplement), DossierStage.Assigned);
                        File(FileKind.Supplement, null, "bo-sung.pdf", backLocal, "application/pdf");
                        // The clock restarts from zero once the complete dossier arrives (art. 19(4)).
                        clockStart = VietnamTime.ToUtc(backLocal);
                        due = DeadlineCalculator.RestartAfterSupplement(backLocal, channel, procedure.Limit, calendar);
                        dueAt = VietnamTime.ToUtc(due);
                        finishLocal = late ? due.AddDays(1 + rng.Next(0, 6)) : Max(backLocal.AddHours(4), due.AddDays(-rng.Next(0, 3)));
                        stage = DossierStage.Assigned;
                    }
                }
                if (stage == DossierStage.SupplementRequested)
                {
                    // Waiting for the applicant.
                }
                else if (fate < 0.045)
                {
                    Event(stepLocal.AddHours(1), name, null, nameof(DossierAction.Withdraw), DossierStage.Withdrawn, "Không còn nhu cầu giải quyết.");
                    stage = DossierStage.Withdrawn;
                    finishedAt = VietnamTime.ToUtc(stepLocal.AddHours(1));
                }
                else if (fate < 0.055)
                {
                    Event(stepLocal.AddHours(1), leaderName, holder, nameof(DossierAction.Stop), DossierStage.Stopped, "Dừng xử lý theo đề nghị của cơ quan có thẩm quyền.");
                    stage = DossierStage.Stopped;
                    finishedAt = VietnamTime.ToUtc(stepLocal.AddHours(1));
                }
                else if (finishLocal > nowLocal || fate > 0.997)
                {
                    // In processing: recent dossiers, and a few old ones stuck (overdue).
                    if (stage == DossierStage.Received && rng.NextDouble() < 0.8 && assignLocal < nowLocal)
                    {
                        Event(assignLocal, leaderName, holder, nameof(DossierAction.Assign), DossierStage.Assigned);
                        assigned = specialistId;
                        stage = DossierStage.Assigned;
                    }
                    if (stage == DossierStage.Assigned && rng.NextDouble() < 0.3 && stepLocal < nowLocal)
                    {
                        var payment = procedure.FeeVnd > 0 && rng.NextDouble() < 0.3;
                        stage = payment ? DossierStage.FinancialObligation : DossierStage.AwaitingApproval;
                        Event(stepLocal, specialistName, holder, payment ? nameof(DossierAction.RequestPayment) : nameof(DossierAction.ProposeResult), stage,
                            payment ? "Nộp lệ phí theo quy định." : null);
                        if (!payment) outcome = DossierOutcome.Granted;
                    }
                }
                else
                {
                    if (stage == DossierStage.Received)
                    {
                        Event(assignLocal, leaderName, holder, nameof(DossierAction.Assign), DossierStage.Assigned);
                        assigned = specialistId;
                    }
                    var proposeLocal = Max(assignLocal.AddHours(1), finishLocal.AddHours(-3));
                    outcome = rng.NextDouble() < 0.96 ? DossierOutcome.Granted : DossierOutcome.Rejected;
                    Event(proposeLocal, specialistName, holder, outcome == DossierOutcome.Granted ? nameof(DossierAction.ProposeResult) : nameof(DossierAction.ProposeRejection),
                        DossierStage.AwaitingApproval);
                    Event(finishLocal, leaderName, holder, nameof(DossierAction.Approve), DossierStage.ResultReady, onTime: finishLocal <= due);
                    stage = DossierStage.ResultReady;
                    finishedAt = VietnamTime.ToUtc(finishLocal);
                    resultDigitised = rng.NextDouble() < unit.ResultDigitiseRate;
                    if (resultDigitised)
                        File(FileKind.Result, null, "ket-qua.pdf", finishLocal, "application/pdf");
                    feePaidOnline = procedure.FeeVnd > 0 && online && rng.NextDouble() < unit.OnlinePayRate;
                    var returnLocal = finishLocal.AddHours(rng.Next(1, 30));
                    if (returnLocal < nowLocal && rng.NextDouble() < 0.95)
                    {
                        Event(returnLocal, officerName, holder, nameof(DossierAction.Return), DossierStage.Returned);
                        stage = DossierStage.Returned;
                        returnedAt = VietnamTime.ToUtc(returnLocal);
                        if (rng.NextDouble() < 0.5)
                        {
                            var r = rng.NextDouble();
                            var level = r < unit.SatisfiedRate - (late ? 0.3 : 0) ? SatisfactionLevel.Satisfied
                                : r < unit.SatisfiedRate + 0.1 ? SatisfactionLevel.Normal : SatisfactionLevel.NotSatisfied;
                            rating = level;
                            var p = batch.Ratings.NextRow();
                            p[0] = idText;
                            p[1] = (int)level;
                            p[2] = level == SatisfactionLevel.NotSatisfied ? "Thời gian chờ đợi lâu." : null;
                            p[3] = Utc(returnLocal.AddHours(2));
                            ratings++;
                        }
                    }
                }
            }

            var d = batch.Dossiers.NextRow();
            ReadOnlySpan<object?> values =
            [
                idText, code, procedure.Id, holder.Id, holder.Path, unit.Id, citizen?.Id, name,
                searchName, citizen?.Cccd ?? RandomCccd(rng), citizen?.PhoneNumber ?? "09" + rng.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
                citizen?.Email, $"{rng.Next(1, 300)} {Streets[rng.Next(Streets.Length)]}, {unit.Name}",
                (int)channel, (int)DossierWorkflow.StatusOf(stage), (int)stage, (int)outcome, "{}",
                Utc(submittedLocal), UtcOrNull(receivedAt), UtcOrNull(clockStart), UtcOrNull(dueAt), UtcOrNull(dueAt), 0, UtcOrNull(finishedAt), UtcOrNull(returnedAt),
                assigned, supplementCount, UtcOrNull(supplementRequestedAt), supplementRequest, 0,
                isDigitised ? 1 : 0, resultDigitised ? 1 : 0, procedure.FeeVnd, feePaidOnline ? 1 : 0,
                Utc(submittedLocal), "generator", updated, "generator", Guid.NewGuid().ToString().ToUpperInvariant(),
            ];
            values.CopyTo(d);
            // The report roll-ups by the reports' own counters, as the rebuild would count them from the rows.
            DossierRollups.Add(rollups, new MetricRow
            {
                D = new Dossier
                {
                    UnitId = holder.Id, ProcedureId = procedure.Id, AssignedOfficerId = assigned, Channel = channel, Stage = stage, ReceivedAt = receivedAt, FinishedAt = finishedAt,
                    ReturnedAt = returnedAt, DueAt = dueAt, SupplementCount = supplementCount, IsDigitised = isDigitised, ResultDigitised = resultDigitised,
                    FeeVnd = procedure.FeeVnd, FeePaidOnline = feePaidOnline,
                },
                Rating = rating,
            }, +1);
            if (batch.Dossiers.Count == dossiersPerBatch)
            {
                generatorWaiting.Start();
                await full.Writer.WriteAsync(batch, ct);
                batch = await free.Reader.ReadAsync(ct);
                generatorWaiting.Stop();
                batch.Clear();
            }
            if (i % 200_000 == 199_999)
                log($"{i + 1:N0} dossiers, {events:N0} events, {files:N0} files, {ratings:N0} ratings, {watch.Elapsed.TotalSeconds:F0} s");
        }

        await full.Writer.WriteAsync(batch, ct);
        full.Writer.Complete();
        await writing;
        using (var insertCounter = new RawInsert(conn, "DossierCodeCounters", ["AgencyCode", "Day", "LastNumber"]))
            foreach (var ((agency, day), last) in counters)
                insertCounter.Write([agency, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last]);
        using (var insertRollup = new RawInsert(conn, "DossierRollups", ["Day", "UnitId", "ProcedureId", "OfficerId", .. DossierRollups.Columns]))
            foreach (var (key, sums) in rollups)
                if (sums.Any(v => v != 0))
                    insertRollup.Write([key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), key.UnitId, key.ProcedureId, key.OfficerId, .. sums.Cast<object?>()]);
        await tx.CommitAsync(ct);
        log(FormattableString.Invariant($"writer busy {writerBusy.Elapsed.TotalSeconds:F1} s, generator waited {generatorWaiting.Elapsed.TotalSeconds:F1} s for it"));
        phase.End("rows");
        foreach (var (_, sql) in indexes)
            await ExecAsync(conn, sql + ";", ct);
        phase.End($"{indexes.Count} indexes");
        // Back to shared locking before the last statements, and the connection really closed rather than pooled: a
        // pooled connection would keep its exclusive lock, and another process (the load benchmark's copy) could not read.
        await ExecAsync(conn, "PRAGMA locking_mode=NORMAL; ANALYZE; PRAGMA journal_mode=WAL;", ct);
        SqliteConnection.ClearPool(conn);
        phase.End("analyze");
        log($"{count:N0} dossiers, {events:N0} events, {files:N0} files, {ratings:N0} ratings in {watch.Elapsed.TotalSeconds:F0} s");
        return watch.Elapsed;
    }

    /// <summary>Logs the wall and process CPU time of each phase (the machine may be shared: CPU time is the fairer figure).</summary>
    public sealed class PhaseClock(Action<string> log)
    {
        private readonly Stopwatch wall = Stopwatch.StartNew();
        private TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

        public void End(string name)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            log(FormattableString.Invariant($"phase {name}: wall {wall.Elapsed.TotalSeconds:F1} s, cpu {(cpu - cpuAtStart).TotalSeconds:F1} s"));
            wall.Restart();
            cpuAtStart = cpu;
        }
    }

    /// <summary>Rows of one table for a block of dossiers, column values side by side (null for NULL).</summary>
    private sealed class RowBlock(int columns)
    {
        public int Columns => columns;
        public object?[] Values { get; private set; } = new object?[columns * 1024];
        public int Count { get; private set; }

        public Span<object?> NextRow()
        {
            if ((Count + 1) * columns > Values.Length)
            {
                var bigger = Values;
                Array.Resize(ref bigger, Values.Length * 2);
                Values = bigger;
            }
            return Values.AsSpan(Count++ * columns, columns);
        }

        public void Clear()
        {
            Array.Clear(Values, 0, Count * columns);
            Count = 0;
        }
    }

    /// <summary>The rows of one block of dossiers, handed from the generating thread to the writing one.</summary>
    private sealed class Batch
    {
        public RowBlock Dossiers { get; } = new(40);
        public RowBlock Events { get; } = new(13);
        public RowBlock Files { get; } = new(10);
        public RowBlock Ratings { get; } = new(4);

        public void Clear()
        {
            Dossiers.Clear();
            Events.Clear();
            Files.Clear();
            Ratings.Clear();
        }
    }

    /// <summary>
    /// A prepared INSERT on the connection's raw SQLite handle, bound by position: Microsoft.Data.Sqlite's command binds
    /// each parameter by name on every execution, which cost most of the load's time.
    /// </summary>
    private sealed class RawInsert : IDisposable
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt statement;
        private readonly int columns;

        public RawInsert(SqliteConnection conn, string table, string[] columns)
        {
            db = conn.Handle!;
            this.columns = columns.Length;
            var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(db, sql, out statement));
        }

        public void WriteAll(RowBlock rows)
        {
            for (var r = 0; r < rows.Count; r++)
                Write(rows.Values.AsSpan(r * columns, columns));
        }

        public void Write(ReadOnlySpan<object?> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var rc = values[i] switch
                {
                    null => raw.sqlite3_bind_null(statement, i + 1),
                    int n => raw.sqlite3_bind_int(statement, i + 1, n),
                    long n => raw.sqlite3_bind_int64(statement, i + 1, n),
                    string text => raw.sqlite3_bind_text(statement, i + 1, text),
                    var other => throw new InvalidOperationException($"No binding for {other.GetType()}."),
                };
                Check(rc);
            }
            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_DONE)
                Check(step);
            Check(raw.sqlite3_reset(statement));
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
                throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }

        public void Dispose() => statement.Dispose();
    }

    private static async Task ExecAsync(SqliteConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>EF Core's SQLite text format for DateTime, so the rows read back exactly as the portal's own.</summary>
    private static string Utc(DateTime local) => VietnamTime.ToUtc(local).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string? UtcOrNull(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Draws an index with probability proportional to its weight (cumulative sums, binary search).</summary>
    private sealed class WeightedPicker(IEnumerable<double> weights)
    {
        private readonly double[] cumulative = Cumulate(weights);

        private static double[] Cumulate(IEnumerable<double> weights)
        {
            var sum = 0.0;
            return [.. weights.Select(w => sum += w)];
        }

        public int Next(Random rng)
        {
            var index = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
            return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
        }
    }

    /// <summary>Moves a day into office hours of a working day.</summary>
    private static DateTime WorkingMoment(WorkingCalendar calendar, DateTime local, Random rng)
    {
        var day = calendar.SameOrNextWorkingDay(DateOnly.FromDateTime(local));
        return day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(rng.Next(0, 9 * 60));
    }

    /// <summary>A CCCD of the shape in domain.md §8: province 079, century-sex digit, year of birth, six random digits.</summary>
    private static string RandomCccd(Random rng)
    {
        var year = rng.Next(1950, 2006);
        var centurySex = (year >= 2000 ? 2 : 0) + rng.Next(2);
        return $"079{centurySex}{year % 100:D2}{rng.Next(0, 1_000_000):D6}";
    }
}
