using HcmcPortal.Domain;

namespace HcmcPortal.Data.Seed;

/// <summary>
/// Reference catalogue of administrative procedures handled in Ho Chi Minh City at city, district and commune level.
/// Every call returns new instances without ids; an administrator edits them afterwards.
/// </summary>
/// <remarks>
/// Names, documents and handling agencies follow the national procedures database as published before the
/// reorganisation of 1 July 2025. Codes have the national shape (e.g. 1.001193 for đăng ký khai sinh); the well-known
/// ones are real, the rest are plausible placeholders that must be checked against the national database before
/// synchronising. Time limits and fees are indicative defaults (fees in whole đồng; 0 when free or exempt).
/// </remarks>
public static class ReferenceProcedures
{
    private const string HoTich = "Hộ tịch";
    private const string ChungThuc = "Chứng thực";
    private const string XayDung = "Xây dựng";
    private const string KinhDoanh = "Đăng ký kinh doanh";
    private const string DatDai = "Đất đai";
    private const string BaoTro = "Bảo trợ xã hội";
    private const string GiaoDuc = "Giáo dục và Đào tạo";
    private const string NguoiCoCong = "Người có công";
    private const string VanHoa = "Văn hóa";
    private const string MoiTruong = "Môi trường";
    private const string AnToanThucPham = "An toàn thực phẩm";
    private const string LyLichTuPhap = "Lý lịch tư pháp";
    private const string GiaoThong = "Giao thông vận tải";
    private const string KhieuNai = "Khiếu nại, tố cáo";

    private const string UbndXa = "UBND cấp xã";
    private const string PhongTuPhap = "Phòng Tư pháp cấp huyện";
    private const string PhongQldt = "Phòng Quản lý đô thị cấp huyện";
    private const string PhongTckh = "Phòng Tài chính – Kế hoạch cấp huyện";
    private const string VpDkdd = "Chi nhánh Văn phòng Đăng ký đất đai cấp huyện";
    private const string PhongTnmt = "Phòng Tài nguyên và Môi trường cấp huyện";
    private const string PhongLdtbxh = "Phòng Lao động – Thương binh và Xã hội cấp huyện";

    private const string Sexes = "Nam|Nữ";

    public static IReadOnlyList<Procedure> All() =>
    [
        // ── Hộ tịch ─────────────────────────────────────────────────────────────
        Make("1.001193", "Đăng ký khai sinh", HoTich, ProcedureLevel.Commune, WorkingDays(1), 0, online: true, UbndXa,
            "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam mà cha, mẹ đều là công dân Việt Nam. "
            + "Công chức tư pháp – hộ tịch kiểm tra giấy tờ, ghi vào Sổ hộ tịch và cấp bản chính Giấy khai sinh. "
            + "Đăng ký khai sinh đúng hạn được miễn lệ phí.",
            [
                Req("Tờ khai đăng ký khai sinh theo mẫu"),
                Req("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh"),
                Req("Giấy tờ tùy thân của người đi đăng ký (thẻ Căn cước công dân hoặc hộ chiếu)"),
                Opt("Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu có)"),
                Opt("Văn bản ủy quyền được chứng thực (trường hợp ủy quyền)"),
            ],
            [
                Text("childName", "Họ, chữ đệm và tên của trẻ"),
                Date("childBirthDate", "Ngày, tháng, năm sinh"),
                Choice("childSex", "Giới tính", Sexes),
                Address("birthPlace", "Nơi sinh"),
                Choice("relationship", "Quan hệ với người được khai sinh", "Cha|Mẹ|Ông, bà|Người thân thích khác"),
            ],
            Standard()),

        Make("1.000656", "Đăng ký khai tử", HoTich, ProcedureLevel.Commune, WorkingDays(1), 0, online: true, UbndXa,
            "Đăng ký việc chết của công dân Việt Nam cư trú trong nước. "
            + "Người thân nộp tờ khai và giấy báo tử trong 15 ngày kể từ ngày có người chết; "
            + "Ủy ban nhân dân cấp xã ghi vào Sổ hộ tịch và cấp trích lục khai tử.",
            [
                Req("Tờ khai đăng ký khai tử theo mẫu"),
                Req("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"),
                Req("Giấy tờ tùy thân của người đi đăng ký"),
                Opt("Văn bản ủy quyền được chứng thực (trường hợp ủy quyền)"),
            ],
            [
                Text("deceasedName", "Họ, chữ đệm và tên người chết"),
                Text("deceasedId", "Số định danh cá nhân của người chết", required: false),
                Date("dateOfDeath", "Ngày chết"),
                Address("placeOfDeath", "Nơi chết"),
            ],
            Standard()),

        Make("1.000894", "Đăng ký kết hôn", HoTich, ProcedureLevel.Commune, WorkingDays(5), 0, online: false, UbndXa,
            "Đăng ký kết hôn giữa công dân Việt Nam với nhau cư trú ở trong nước. "
            + "Hai bên nam, nữ phải có mặt để ký vào Giấy chứng nhận kết hôn; "
            + "trường hợp cần xác minh điều kiện kết hôn thì thời hạn không quá 05 ngày làm việc.",
            [
                Req("Tờ khai đăng ký kết hôn theo mẫu"),
                Req("Giấy tờ tùy thân của hai bên nam, nữ"),
                Opt("Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký kết hôn không tại nơi cư trú)"),
            ],
            [
                Text("husbandName", "Họ, chữ đệm và tên bên nam"),
                Date("husbandBirthDate", "Ngày sinh bên nam"),
                Text("wifeName", "Họ, chữ đệm và tên bên nữ"),
                Date("wifeBirthDate", "Ngày sinh bên nữ"),
            ],
            Standard()),

        Make("2.000635", "Cấp bản sao trích lục hộ tịch", HoTich, ProcedureLevel.Commune, Hours(4), 8_000, online: true, UbndXa,
            "Cấp bản sao trích lục các sự kiện hộ tịch đã đăng ký tại Ủy ban nhân dân cấp xã (khai sinh, kết hôn, khai tử ...). "
            + "Kết quả được trả ngay trong ngày; bản sao trích lục điện tử có giá trị như bản giấy.",
            [
                Req("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu"),
                Req("Giấy tờ tùy thân của người yêu cầu"),
                Opt("Văn bản ủy quyền (trường hợp ủy quyền)"),
            ],
            [
                Choice("recordType", "Loại trích lục", "Khai sinh|Kết hôn|Khai tử|Thay đổi, cải chính hộ tịch"),
                Text("personName", "Họ tên người được cấp trích lục"),
                Number("copies", "Số bản sao"),
            ],
            Standard()),

        Make("1.004873", "Cấp giấy xác nhận tình trạng hôn nhân", HoTich, ProcedureLevel.Commune, WorkingDays(3), 3_000, online: true, UbndXa,
            "Xác nhận tình trạng hôn nhân cho công dân Việt Nam cư trú trong nước để kết hôn hoặc sử dụng vào mục đích khác. "
            + "Giấy xác nhận có giá trị 6 tháng kể từ ngày cấp và phải ghi rõ mục đích sử dụng.",
            [
                Req("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"),
                Req("Giấy tờ tùy thân của người yêu cầu"),
                Opt("Bản án, quyết định ly hôn hoặc giấy tờ chứng minh vợ/chồng đã chết (nếu đã từng kết hôn)"),
            ],
            [
                Choice("purpose", "Mục đích sử dụng", "Đăng ký kết hôn|Mua bán, chuyển nhượng tài sản|Vay vốn ngân hàng|Mục đích khác"),
                Choice("maritalStatus", "Tình trạng hôn nhân hiện tại", "Chưa kết hôn|Đang có vợ/chồng|Đã ly hôn|Vợ/chồng đã chết"),
                Address("residence", "Nơi cư trú"),
            ],
            Standard()),

        Make("1.004859", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", HoTich, ProcedureLevel.Commune, WorkingDays(3), 15_000, online: true, UbndXa,
            "Thay đổi, cải chính thông tin hộ tịch cho người chưa đủ 14 tuổi và bổ sung thông tin hộ tịch đã đăng ký tại cấp xã. "
            + "Trường hợp cần xác minh, thời hạn được kéo dài thêm không quá 03 ngày làm việc.",
            [
                Req("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu"),
                Req("Giấy tờ hộ tịch có thông tin cần thay đổi, cải chính, bổ sung"),
                Req("Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung"),
            ],
            [
                Text("personName", "Họ tên người được thay đổi, cải chính"),
                Choice("changeType", "Loại yêu cầu", "Thay đổi|Cải chính|Bổ sung"),
                Text("currentInfo", "Thông tin hiện ghi trong giấy tờ hộ tịch"),
                Text("requestedInfo", "Thông tin đề nghị ghi lại"),
            ],
            Standard()),

        Make("1.004884", "Đăng ký lại khai sinh", HoTich, ProcedureLevel.Commune, WorkingDays(5), 0, online: false, UbndXa,
            "Đăng ký lại khai sinh cho người đã đăng ký khai sinh tại cơ quan có thẩm quyền của Việt Nam nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất. "
            + "Công chức tư pháp – hộ tịch kiểm tra, xác minh hồ sơ trước khi trình Chủ tịch Ủy ban nhân dân cấp xã.",
            [
                Req("Tờ khai đăng ký lại khai sinh theo mẫu"),
                Opt("Bản sao Giấy khai sinh đã cấp trước đây (nếu có)"),
                Req("Giấy tờ, tài liệu có thông tin về họ tên, ngày sinh, quê quán của người đăng ký"),
            ],
            [
                Text("personName", "Họ, chữ đệm và tên"),
                Date("birthDate", "Ngày, tháng, năm sinh"),
                Address("birthPlace", "Nơi sinh"),
            ],
            Standard()),

        // ── Chứng thực ──────────────────────────────────────────────────────────
        Make("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
            ChungThuc, ProcedureLevel.Commune, SameWorkingDay, 2_000, online: false, UbndXa,
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản tiếng Việt. "
            + "Kết quả được trả trong ngày; hồ sơ tiếp nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. "
            + "Lệ phí 2.000 đồng/trang, từ trang thứ ba trở lên 1.000 đồng/trang.",
            [
                Req("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"),
                Opt("Bản sao cần chứng thực (trường hợp người yêu cầu tự chuẩn bị)"),
            ],
            [
                Text("documentName", "Tên giấy tờ, văn bản cần chứng thực"),
                Number("pages", "Số trang"),
                Number("copies", "Số bản sao"),
            ],
            OnTheSpot()),

        Make("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", ChungThuc, ProcedureLevel.Commune, SameWorkingDay, 10_000, online: false, UbndXa,
            "Chứng thực chữ ký của cá nhân trong giấy tờ, văn bản bằng tiếng Việt. "
            + "Người yêu cầu phải ký trước mặt người thực hiện chứng thực; kết quả được trả trong ngày.",
            [
                Req("Giấy tờ tùy thân còn giá trị sử dụng của người yêu cầu chứng thực"),
                Req("Giấy tờ, văn bản cần chứng thực chữ ký"),
            ],
            [
                Text("documentName", "Tên giấy tờ, văn bản"),
                Number("signers", "Số người ký"),
            ],
            OnTheSpot()),

        Make("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", ChungThuc, ProcedureLevel.Commune, WorkingDays(2), 50_000, online: false, UbndXa,
            "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản như mua bán xe, tặng cho, ủy quyền. "
            + "Các bên tham gia phải có mặt ký trước mặt người thực hiện chứng thực. "
            + "Thời hạn không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
            [
                Req("Dự thảo hợp đồng, giao dịch"),
                Req("Giấy tờ tùy thân của các bên tham gia hợp đồng, giao dịch"),
                Req("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản"),
            ],
            [
                Choice("contractType", "Loại hợp đồng, giao dịch", "Mua bán|Tặng cho|Ủy quyền|Vay, mượn tài sản|Khác"),
                Text("assetDescription", "Mô tả tài sản"),
                Number("contractValue", "Giá trị hợp đồng (đồng)", required: false),
            ],
            Standard()),

        Make("2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận",
            ChungThuc, ProcedureLevel.District, SameWorkingDay, 2_000, online: false, PhongTuPhap,
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan nước ngoài hoặc cơ quan Việt Nam cấp có yếu tố nước ngoài. "
            + "Giấy tờ phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế.",
            [
                Req("Bản chính giấy tờ, văn bản đã được hợp pháp hóa lãnh sự (trừ trường hợp được miễn)"),
                Opt("Bản sao cần chứng thực (trường hợp người yêu cầu tự chuẩn bị)"),
            ],
            [
                Text("documentName", "Tên giấy tờ, văn bản"),
                Text("issuingCountry", "Quốc gia cấp"),
                Number("pages", "Số trang"),
            ],
            OnTheSpot()),

        Make("2.000843", "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Phòng Tư pháp",
            ChungThuc, ProcedureLevel.District, SameWorkingDay, 10_000, online: false, PhongTuPhap,
            "Chứng thực chữ ký của người dịch là cộng tác viên dịch thuật đã đăng ký với Phòng Tư pháp. "
            + "Người dịch chịu trách nhiệm về tính chính xác của bản dịch; kết quả được trả trong ngày hoặc ngày làm việc tiếp theo.",
            [
                Req("Bản dịch đính kèm giấy tờ, văn bản cần dịch"),
                Req("Giấy tờ tùy thân của người dịch"),
            ],
            [
                Choice("sourceLanguage", "Ngôn ngữ của giấy tờ gốc", "Tiếng Anh|Tiếng Trung|Tiếng Pháp|Tiếng Nhật|Tiếng Hàn|Ngôn ngữ khác"),
                Number("pages", "Số trang"),
            ],
            OnTheSpot()),

        // ── Xây dựng ────────────────────────────────────────────────────────────
        Make("1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", XayDung, ProcedureLevel.District, WorkingDays(15), 75_000, online: true, PhongQldt,
            "Cấp giấy phép xây dựng mới nhà ở riêng lẻ trên địa bàn quận, huyện. "
            + "Cơ quan cấp phép kiểm tra hồ sơ, đối chiếu quy hoạch và kiểm tra thực địa trước khi trình Ủy ban nhân dân cấp huyện ký.",
            [
                Req("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"),
                Req("Bản sao giấy tờ chứng minh quyền sử dụng đất"),
                Req("Hai bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)"),
                Opt("Bản cam kết bảo đảm an toàn cho công trình liền kề (công trình xây chen có tầng hầm)"),
            ],
            [
                Address("constructionAddress", "Địa điểm xây dựng"),
                Text("landParcel", "Số thửa, tờ bản đồ"),
                Number("floors", "Số tầng"),
                Number("totalFloorArea", "Tổng diện tích sàn (m²)"),
                Choice("hasBasement", "Có tầng hầm", "Không|Có"),
            ],
            Standard()),

        Make("1.009997", "Gia hạn giấy phép xây dựng", XayDung, ProcedureLevel.District, WorkingDays(5), 15_000, online: true, PhongQldt,
            "Gia hạn giấy phép xây dựng khi công trình chưa khởi công trong thời hạn 12 tháng kể từ ngày được cấp phép. "
            + "Mỗi giấy phép được gia hạn tối đa hai lần, mỗi lần 12 tháng.",
            [
                Req("Đơn đề nghị gia hạn giấy phép xây dựng theo mẫu"),
                Req("Bản chính giấy phép xây dựng đã được cấp"),
            ],
            [
                Text("permitNo", "Số giấy phép xây dựng"),
                Date("permitDate", "Ngày cấp giấy phép"),
                Text("reason", "Lý do đề nghị gia hạn"),
            ],
            Standard()),

        Make("1.009995", "Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ", XayDung, ProcedureLevel.District, WorkingDays(15), 15_000, online: true, PhongQldt,
            "Điều chỉnh giấy phép xây dựng khi chủ đầu tư thay đổi thiết kế làm thay đổi hình thức kiến trúc, vị trí, chiều cao hoặc diện tích xây dựng. "
            + "Hồ sơ được thẩm định như cấp phép mới đối với phần điều chỉnh.",
            [
                Req("Đơn đề nghị điều chỉnh giấy phép xây dựng theo mẫu"),
                Req("Bản chính giấy phép xây dựng đã được cấp"),
                Req("Bản vẽ thiết kế phần điều chỉnh"),
            ],
            [
                Text("permitNo", "Số giấy phép xây dựng"),
                Date("permitDate", "Ngày cấp giấy phép"),
                Text("adjustment", "Nội dung đề nghị điều chỉnh"),
            ],
            Standard()),

        // ── Đăng ký kinh doanh ──────────────────────────────────────────────────
        Make("2.000720", "Đăng ký thành lập hộ kinh doanh", KinhDoanh, ProcedureLevel.District, WorkingDays(3), 100_000, online: true, PhongTckh,
            "Đăng ký thành lập hộ kinh doanh do một cá nhân hoặc các thành viên hộ gia đình làm chủ. "
            + "Trong 03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ, cơ quan đăng ký kinh doanh cấp huyện cấp Giấy chứng nhận đăng ký hộ kinh doanh.",
            [
                Req("Giấy đề nghị đăng ký hộ kinh doanh theo mẫu"),
                Req("Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh"),
                Opt("Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh"),
                Opt("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ"),
            ],
            [
                Text("businessName", "Tên hộ kinh doanh"),
                Address("businessAddress", "Địa chỉ trụ sở"),
                Text("businessLines", "Ngành, nghề kinh doanh"),
                Number("capitalVnd", "Vốn kinh doanh (đồng)"),
                Number("employees", "Số lượng lao động", required: false),
            ],
            Standard()),

        Make("2.000575", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", KinhDoanh, ProcedureLevel.District, WorkingDays(3), 50_000, online: true, PhongTckh,
            "Đăng ký thay đổi tên, địa chỉ, ngành nghề, vốn hoặc chủ hộ kinh doanh. "
            + "Cơ quan đăng ký kinh doanh cấp huyện cấp lại Giấy chứng nhận đăng ký hộ kinh doanh theo nội dung thay đổi.",
            [
                Req("Thông báo thay đổi nội dung đăng ký hộ kinh doanh theo mẫu"),
                Req("Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh đã cấp"),
                Opt("Giấy tờ chứng minh nội dung thay đổi (hợp đồng chuyển nhượng, văn bản thỏa thuận ...)"),
            ],
            [
                Text("registrationNo", "Mã số hộ kinh doanh"),
                Choice("changeType", "Nội dung thay đổi", "Tên hộ kinh doanh|Địa chỉ trụ sở|Ngành, nghề kinh doanh|Vốn kinh doanh|Chủ hộ kinh doanh"),
                Text("newValue", "Nội dung sau khi thay đổi"),
            ],
            Standard()),

        Make("2.000544", "Tạm ngừng hoạt động hộ kinh doanh", KinhDoanh, ProcedureLevel.District, WorkingDays(3), 0, online: true, PhongTckh,
            "Thông báo tạm ngừng kinh doanh của hộ kinh doanh chậm nhất 03 ngày làm việc trước ngày tạm ngừng. "
            + "Cơ quan đăng ký kinh doanh cấp huyện cấp giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh.",
            [
                Req("Thông báo về việc tạm ngừng kinh doanh của hộ kinh doanh theo mẫu"),
                Opt("Biên bản họp thành viên hộ gia đình (hộ kinh doanh do các thành viên hộ gia đình đăng ký)"),
            ],
            [
                Text("registrationNo", "Mã số hộ kinh doanh"),
                Date("suspendFrom", "Tạm ngừng từ ngày"),
                Date("suspendTo", "Đến ngày"),
                Text("reason", "Lý do tạm ngừng", required: false),
            ],
            Standard()),

        Make("2.000509", "Chấm dứt hoạt động hộ kinh doanh", KinhDoanh, ProcedureLevel.District, WorkingDays(3), 0, online: true, PhongTckh,
            "Chấm dứt hoạt động hộ kinh doanh sau khi hộ kinh doanh đã hoàn thành nghĩa vụ thuế. "
            + "Cơ quan đăng ký kinh doanh cấp huyện chuyển tình trạng pháp lý của hộ kinh doanh sang chấm dứt hoạt động.",
            [
                Req("Thông báo về việc chấm dứt hoạt động hộ kinh doanh theo mẫu"),
                Req("Thông báo của cơ quan thuế về việc hộ kinh doanh đã hoàn thành nghĩa vụ thuế"),
                Req("Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh"),
            ],
            [
                Text("registrationNo", "Mã số hộ kinh doanh"),
                Date("endDate", "Ngày chấm dứt hoạt động"),
            ],
            Standard()),

        // ── Đất đai ─────────────────────────────────────────────────────────────
        Make("1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
            DatDai, ProcedureLevel.District, WorkingDays(10), 30_000, online: false, VpDkdd,
            "Đăng ký biến động khi hộ gia đình, cá nhân chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất và tài sản gắn liền với đất. "
            + "Văn phòng đăng ký đất đai chuyển thông tin để xác định nghĩa vụ tài chính, cập nhật hồ sơ địa chính và xác nhận trên Giấy chứng nhận. "
            + "Thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn giải quyết.",
            [
                Req("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo mẫu"),
                Req("Bản gốc Giấy chứng nhận đã cấp"),
                Req("Hợp đồng, văn bản chuyển nhượng, tặng cho hoặc thừa kế đã được công chứng, chứng thực"),
                Req("Tờ khai lệ phí trước bạ và tờ khai thuế thu nhập cá nhân"),
            ],
            [
                Text("certificateNo", "Số phát hành Giấy chứng nhận"),
                Text("landParcel", "Số thửa, tờ bản đồ"),
                Choice("changeType", "Hình thức biến động", "Chuyển nhượng|Tặng cho|Thừa kế"),
                Address("parcelAddress", "Địa chỉ thửa đất"),
            ],
            Review()),

        Make("1.004200", "Đăng ký đất đai, tài sản gắn liền với đất, cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
            DatDai, ProcedureLevel.District, WorkingDays(20), 100_000, online: false, VpDkdd,
            "Đăng ký và cấp Giấy chứng nhận lần đầu cho hộ gia đình, cá nhân đang sử dụng đất. "
            + "Ủy ban nhân dân cấp xã xác nhận hiện trạng, niêm yết công khai; Văn phòng đăng ký đất đai kiểm tra và trình cơ quan có thẩm quyền cấp Giấy chứng nhận.",
            [
                Req("Đơn đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất theo mẫu"),
                Req("Giấy tờ về quyền sử dụng đất (nếu có)"),
                Opt("Giấy tờ về quyền sở hữu tài sản gắn liền với đất"),
                Opt("Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ liên quan đến việc miễn, giảm"),
            ],
            [
                Address("parcelAddress", "Địa chỉ thửa đất"),
                Text("landParcel", "Số thửa, tờ bản đồ"),
                Number("area", "Diện tích (m²)"),
                Choice("landUse", "Mục đích sử dụng đất", "Đất ở|Đất nông nghiệp|Đất thương mại, dịch vụ|Mục đích khác"),
                Date("usedSince", "Thời điểm bắt đầu sử dụng đất"),
            ],
            Review()),

        Make("1.004199", "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân",
            DatDai, ProcedureLevel.District, WorkingDays(15), 0, online: false, PhongTnmt,
            "Cho phép hộ gia đình, cá nhân chuyển mục đích sử dụng đất phù hợp với kế hoạch sử dụng đất hằng năm của quận, huyện. "
            + "Người sử dụng đất thực hiện nghĩa vụ tài chính theo thông báo của cơ quan thuế; thời gian này không tính vào thời hạn giải quyết.",
            [
                Req("Đơn xin chuyển mục đích sử dụng đất theo mẫu"),
                Req("Bản gốc Giấy chứng nhận quyền sử dụng đất"),
            ],
            [
                Address("parcelAddress", "Địa chỉ thửa đất"),
                Text("landParcel", "Số thửa, tờ bản đồ"),
                Choice("requestedUse", "Mục đích xin chuyển sang", "Đất ở|Đất thương mại, dịch vụ|Đất sản xuất, kinh doanh phi nông nghiệp"),
                Number("area", "Diện tích xin chuyển mục đích (m²)"),
            ],
            Review()),

        Make("1.004203", "Tách thửa hoặc hợp thửa đất", DatDai, ProcedureLevel.District, WorkingDays(15), 0, online: false, VpDkdd,
            "Tách một thửa đất thành nhiều thửa hoặc hợp nhiều thửa đất liền kề của cùng một người sử dụng thành một thửa. "
            + "Thửa đất sau khi tách phải bảo đảm diện tích tối thiểu theo quy định của Ủy ban nhân dân Thành phố.",
            [
                Req("Đơn đề nghị tách thửa đất, hợp thửa đất theo mẫu"),
                Req("Bản gốc Giấy chứng nhận đã cấp"),
                Opt("Bản vẽ tách thửa, hợp thửa đất"),
            ],
            [
                Choice("requestType", "Loại yêu cầu", "Tách thửa|Hợp thửa"),
                Text("landParcel", "Số thửa, tờ bản đồ"),
                Address("parcelAddress", "Địa chỉ thửa đất"),
                Number("resultingParcels", "Số thửa sau khi tách, hợp"),
            ],
            Review()),

        Make("1.005398", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
            DatDai, ProcedureLevel.District, Months(2), 0, online: false, "UBND cấp huyện (Phòng Tài nguyên và Môi trường tham mưu)",
            "Giải quyết tranh chấp đất đai giữa hộ gia đình, cá nhân, cộng đồng dân cư với nhau sau khi đã hòa giải không thành tại Ủy ban nhân dân cấp xã. "
            + "Cơ quan tham mưu thẩm tra, xác minh, tổ chức đối thoại trước khi Chủ tịch Ủy ban nhân dân cấp huyện ban hành quyết định.",
            [
                Req("Đơn yêu cầu giải quyết tranh chấp đất đai"),
                Req("Biên bản hòa giải tại Ủy ban nhân dân cấp xã"),
                Req("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp"),
            ],
            [
                Address("parcelAddress", "Địa chỉ thửa đất tranh chấp"),
                Text("landParcel", "Số thửa, tờ bản đồ", required: false),
                Text("otherParty", "Họ tên bên tranh chấp"),
                Text("disputeSummary", "Tóm tắt nội dung tranh chấp"),
            ],
            Review()),

        // ── Bảo trợ xã hội ──────────────────────────────────────────────────────
        Make("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
            BaoTro, ProcedureLevel.Commune, WorkingDays(15), 0, online: true, $"{UbndXa}; {PhongLdtbxh}",
            "Xét hưởng trợ cấp xã hội hằng tháng cho đối tượng bảo trợ xã hội. "
            + "Ủy ban nhân dân cấp xã xét duyệt, niêm yết công khai và chuyển hồ sơ lên Phòng Lao động – Thương binh và Xã hội thẩm định, "
            + "trình Chủ tịch Ủy ban nhân dân cấp huyện quyết định.",
            [
                Req("Tờ khai đề nghị trợ giúp xã hội theo mẫu"),
                Req("Giấy tờ chứng minh thuộc đối tượng hưởng trợ cấp xã hội"),
                Opt("Bản sao Giấy xác nhận khuyết tật (đối với người khuyết tật)"),
            ],
            [
                Text("beneficiaryName", "Họ tên đối tượng"),
                Text("beneficiaryId", "Số định danh cá nhân của đối tượng"),
                Choice("category", "Nhóm đối tượng",
                    "Trẻ em không có nguồn nuôi dưỡng|Người cao tuổi|Người khuyết tật|Người đơn thân nghèo đang nuôi con|Người nhiễm HIV/AIDS thuộc hộ nghèo"),
                Address("residence", "Nơi cư trú"),
            ],
            Review()),

        Make("1.001758", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", BaoTro, ProcedureLevel.Commune, WorkingDays(5), 0, online: true, $"{UbndXa}; {PhongLdtbxh}",
            "Hỗ trợ chi phí mai táng khi đối tượng đang hưởng trợ cấp xã hội hằng tháng qua đời. "
            + "Cơ quan, tổ chức, cá nhân tổ chức mai táng nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi cư trú của người chết.",
            [
                Req("Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu"),
                Req("Bản sao giấy chứng tử hoặc trích lục khai tử"),
                Opt("Bản sao quyết định hưởng trợ cấp xã hội của người đã chết"),
            ],
            [
                Text("deceasedName", "Họ tên người đã chết"),
                Date("dateOfDeath", "Ngày chết"),
                Text("organiserName", "Họ tên người tổ chức mai táng"),
                Choice("relationship", "Quan hệ với người đã chết", "Con|Vợ, chồng|Người thân khác|Tổ chức, cá nhân khác"),
            ],
            Review()),

        Make("1.000489", "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", BaoTro, ProcedureLevel.Commune, WorkingDays(7), 0, online: false, UbndXa,
            "Công nhận hộ nghèo, hộ cận nghèo phát sinh ngoài kỳ rà soát định kỳ theo chuẩn nghèo của Thành phố. "
            + "Ban giảng nghèo cấp xã tổ chức thẩm định, niêm yết công khai kết quả trước khi Chủ tịch Ủy ban nhân dân cấp xã quyết định.",
            [
                Req("Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo theo mẫu"),
                Req("Giấy tờ tùy thân của chủ hộ"),
            ],
            [
                Text("householdHead", "Họ tên chủ hộ"),
                Number("members", "Số nhân khẩu"),
                Number("monthlyIncome", "Thu nhập bình quân đầu người/tháng (đồng)"),
                Address("residence", "Nơi cư trú"),
            ],
            Review()),

        // ── Giáo dục ────────────────────────────────────────────────────────────
        Make("1.005095", "Chuyển trường đối với học sinh trung học cơ sở", GiaoDuc, ProcedureLevel.District, WorkingDays(3), 0, online: true,
            "Phòng Giáo dục và Đào tạo cấp huyện",
            "Chuyển trường cho học sinh trung học cơ sở trong và ngoài quận, huyện. "
            + "Hiệu trưởng trường nơi đến tiếp nhận sau khi có ý kiến đồng ý của trường nơi đi và Phòng Giáo dục và Đào tạo.",
            [
                Req("Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký"),
                Req("Học bạ (bản chính)"),
                Req("Giấy giới thiệu chuyển trường do Hiệu trưởng trường nơi đi cấp"),
            ],
            [
                Text("studentName", "Họ tên học sinh"),
                Date("studentBirthDate", "Ngày sinh"),
                Text("currentSchool", "Trường đang học"),
                Text("targetSchool", "Trường xin chuyển đến"),
                Choice("grade", "Lớp", "6|7|8|9"),
            ],
            Standard()),

        // ── Người có công ───────────────────────────────────────────────────────
        Make("1.010822", "Cấp giấy xác nhận thân nhân của người có công với cách mạng", NguoiCoCong, ProcedureLevel.District, WorkingDays(5), 0, online: false,
            PhongLdtbxh,
            "Xác nhận thân nhân của người có công với cách mạng để hưởng các chế độ ưu đãi về giáo dục, y tế, nhà ở. "
            + "Phòng Lao động – Thương binh và Xã hội đối chiếu hồ sơ người có công đang quản lý trước khi cấp giấy xác nhận.",
            [
                Req("Đơn đề nghị cấp giấy xác nhận theo mẫu"),
                Req("Giấy tờ chứng minh quan hệ với người có công (giấy khai sinh, giấy chứng nhận kết hôn ...)"),
            ],
            [
                Text("meritoriousPersonName", "Họ tên người có công"),
                Choice("relationship", "Quan hệ với người có công", "Cha đẻ|Mẹ đẻ|Vợ, chồng|Con|Người có công nuôi liệt sĩ"),
                Address("residence", "Nơi cư trú của người đề nghị"),
            ],
            Standard()),

        // ── Văn hóa ─────────────────────────────────────────────────────────────
        Make("1.001029", "Đăng ký tổ chức lễ hội cấp huyện", VanHoa, ProcedureLevel.District, WorkingDays(5), 0, online: true, "Phòng Văn hóa và Thông tin cấp huyện",
            "Đăng ký tổ chức lễ hội truyền thống, lễ hội văn hóa do cấp huyện quản lý. "
            + "Hồ sơ nộp chậm nhất 20 ngày trước ngày tổ chức; Ủy ban nhân dân cấp huyện trả lời bằng văn bản, trường hợp không đồng ý phải nêu rõ lý do.",
            [
                Req("Văn bản đăng ký tổ chức lễ hội (tên, thời gian, địa điểm, nội dung)"),
                Req("Kế hoạch tổ chức lễ hội"),
                Opt("Bản sao quyết định công nhận lễ hội là di sản văn hóa phi vật thể"),
            ],
            [
                Text("festivalName", "Tên lễ hội"),
                Date("startDate", "Ngày bắt đầu"),
                Date("endDate", "Ngày kết thúc"),
                Address("venue", "Địa điểm tổ chức"),
                Number("expectedAttendance", "Số người tham gia dự kiến", required: false),
            ],
            Standard()),

        Make("1.004650", "Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn", VanHoa, ProcedureLevel.City, WorkingDays(5), 0, online: true,
            "Sở Văn hóa và Thể thao",
            "Tổ chức, cá nhân thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn trước khi thực hiện ít nhất 15 ngày. "
            + "Trong 05 ngày làm việc, nếu không đồng ý, Sở trả lời bằng văn bản và nêu rõ lý do.",
            [
                Req("Văn bản thông báo sản phẩm quảng cáo (nội dung, thời gian, địa điểm, số lượng bảng, băng-rôn)"),
                Req("Bản sao giấy chứng nhận đăng ký doanh nghiệp của người kinh doanh dịch vụ quảng cáo"),
                Req("Maket sản phẩm quảng cáo in màu có chữ ký của người kinh doanh dịch vụ quảng cáo"),
                Req("Văn bản chứng minh sự đồng ý của chủ sở hữu hoặc người sử dụng hợp pháp bảng quảng cáo"),
            ],
            [
                Text("advertiser", "Tên người quảng cáo"),
                Choice("mediaType", "Phương tiện quảng cáo", "Bảng quảng cáo|Băng-rôn|Màn hình chuyên quảng cáo"),
                Number("quantity", "Số lượng"),
                Date("displayFrom", "Thời gian quảng cáo từ ngày"),
                Date("displayTo", "Đến ngày"),
            ],
            Standard()),

        // ── Môi trường ──────────────────────────────────────────────────────────
        Make("1.010728", "Đăng ký môi trường", MoiTruong, ProcedureLevel.Commune, WorkingDays(5), 0, online: true, UbndXa,
            "Đăng ký môi trường đối với dự án, cơ sở sản xuất, kinh doanh, dịch vụ có phát sinh chất thải không thuộc đối tượng phải có giấy phép môi trường. "
            + "Ủy ban nhân dân cấp xã tiếp nhận, cập nhật vào cơ sở dữ liệu môi trường và hướng dẫn chủ cơ sở thực hiện các biện pháp bảo vệ môi trường.",
            [
                Req("Văn bản đăng ký môi trường theo mẫu"),
                Opt("Bản sao giấy chứng nhận đăng ký kinh doanh"),
            ],
            [
                Text("facilityName", "Tên dự án, cơ sở"),
                Address("facilityAddress", "Địa điểm thực hiện"),
                Text("sector", "Loại hình sản xuất, kinh doanh, dịch vụ"),
                Number("wastewaterM3PerDay", "Lưu lượng nước thải (m³/ngày)", required: false),
            ],
            Standard()),

        // ── Y tế ────────────────────────────────────────────────────────────────
        Make("2.001801", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống",
            AnToanThucPham, ProcedureLevel.City, WorkingDays(20), 700_000, online: true, "Ban Quản lý An toàn thực phẩm Thành phố Hồ Chí Minh",
            "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm cho nhà hàng, bếp ăn tập thể, cơ sở kinh doanh dịch vụ ăn uống. "
            + "Đoàn thẩm định kiểm tra thực tế tại cơ sở; Giấy chứng nhận có hiệu lực 03 năm.",
            [
                Req("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm theo mẫu"),
                Req("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện an toàn thực phẩm"),
                Req("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến thực phẩm"),
                Req("Giấy xác nhận đã được tập huấn kiến thức về an toàn thực phẩm"),
            ],
            [
                Text("facilityName", "Tên cơ sở"),
                Address("facilityAddress", "Địa chỉ cơ sở"),
                Text("businessRegistrationNo", "Số giấy chứng nhận đăng ký kinh doanh"),
                Choice("capacity", "Quy mô phục vụ", "Dưới 200 suất ăn/ngày|Từ 200 suất ăn/ngày trở lên"),
            ],
            Review()),

        // ── Tư pháp ─────────────────────────────────────────────────────────────
        Make("2.000488", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
            LyLichTuPhap, ProcedureLevel.City, Days(10), 200_000, online: true, "Sở Tư pháp",
            "Cấp Phiếu lý lịch tư pháp số 1 hoặc số 2 cho công dân Việt Nam có nơi thường trú hoặc tạm trú tại Thành phố. "
            + "Thời hạn không quá 10 ngày kể từ ngày nhận yêu cầu hợp lệ; trường hợp phải xác minh thì không quá 15 ngày.",
            [
                Req("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu"),
                Req("Bản chụp giấy tờ tùy thân (thẻ Căn cước công dân hoặc hộ chiếu)"),
                Opt("Văn bản ủy quyền (trường hợp ủy quyền, trừ cha, mẹ, vợ, chồng, con)"),
            ],
            [
                Choice("formType", "Loại phiếu yêu cầu", "Phiếu số 1|Phiếu số 2"),
                Text("purpose", "Mục đích sử dụng"),
                Number("copies", "Số lượng phiếu"),
                Address("birthPlace", "Nơi sinh"),
            ],
            Review()),

        // ── Giao thông ──────────────────────────────────────────────────────────
        Make("1.001061", "Cấp phép thi công đào đường, vỉa hè để lắp đặt công trình hạ tầng kỹ thuật trên đường do quận, huyện quản lý",
            GiaoThong, ProcedureLevel.District, WorkingDays(7), 0, online: true, PhongQldt,
            "Cấp phép tạm thời sử dụng lòng đường, vỉa hè để thi công công trình cấp nước, thoát nước, điện lực, viễn thông trên đường do quận, huyện quản lý. "
            + "Đơn vị thi công phải hoàn trả mặt đường và bảo đảm an toàn giao thông trong suốt thời gian thi công.",
            [
                Req("Đơn đề nghị cấp phép thi công theo mẫu"),
                Req("Hồ sơ thiết kế bản vẽ thi công đã được phê duyệt"),
                Req("Phương án tổ chức thi công, bảo đảm an toàn giao thông"),
                Opt("Văn bản chấp thuận chủ trương đầu tư của cơ quan có thẩm quyền"),
            ],
            [
                Address("worksAddress", "Vị trí thi công"),
                Number("lengthM", "Chiều dài tuyến đào (m)"),
                Date("startDate", "Ngày bắt đầu thi công"),
                Date("endDate", "Ngày hoàn thành"),
                Choice("purpose", "Loại công trình", "Cấp nước|Thoát nước|Điện lực|Viễn thông|Khác"),
            ],
            Standard()),

        // ── Khiếu nại ───────────────────────────────────────────────────────────
        Make("2.002190", "Giải quyết khiếu nại lần đầu tại cấp huyện", KhieuNai, ProcedureLevel.District, Days(30), 0, online: false,
            "Chủ tịch UBND cấp huyện (Thanh tra cấp huyện tham mưu)",
            "Giải quyết khiếu nại lần đầu đối với quyết định hành chính, hành vi hành chính của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân cấp huyện. "
            + "Thời hạn không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày.",
            [
                Req("Đơn khiếu nại hoặc văn bản ghi lời khiếu nại"),
                Opt("Tài liệu, chứng cứ liên quan đến nội dung khiếu nại"),
                Opt("Văn bản ủy quyền khiếu nại (nếu có)"),
            ],
            [
                Text("contestedDecision", "Quyết định, hành vi hành chính bị khiếu nại"),
                Date("decisionDate", "Ngày ban hành quyết định hoặc ngày xảy ra hành vi"),
                Text("summary", "Nội dung khiếu nại"),
            ],
            Review()),
    ];

    private static Procedure Make(
        string code,
        string name,
        string field,
        ProcedureLevel level,
        TimeLimit limit,
        long feeVnd,
        bool online,
        string agency,
        string description,
        (string Name, bool Mandatory)[] documents,
        ProcedureFormField[] fields,
        WorkflowStep[] steps)
    {
        var procedure = new Procedure
        {
            Code = code,
            Name = name,
            SearchName = VietnameseText.Fold(name),
            Field = field,
            Level = level,
            TimeLimitValue = limit.Value,
            TimeLimitUnit = limit.Unit,
            FeeVnd = feeVnd,
            FullyOnline = online,
            Description = description,
            HandlingAgency = agency,
            IsPublished = true,
        };
        for (var i = 0; i < documents.Length; i++)
        {
            procedure.RequiredDocuments.Add(new RequiredDocument { Name = documents[i].Name, Mandatory = documents[i].Mandatory, Order = i + 1 });
        }

        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].Order = i + 1;
            procedure.FormFields.Add(fields[i]);
        }

        for (var i = 0; i < steps.Length; i++)
        {
            steps[i].Order = i + 1;
            procedure.WorkflowSteps.Add(steps[i]);
        }

        return procedure;
    }

    private static TimeLimit WorkingDays(int n) => new(n, TimeLimitUnit.WorkingDays);
    private static TimeLimit Days(int n) => new(n, TimeLimitUnit.Days);
    private static TimeLimit Hours(int n) => new(n, TimeLimitUnit.Hours);
    private static TimeLimit Months(int n) => new(n, TimeLimitUnit.Months);
    /// <summary>Certification: the same working day, or the next one if received after 15:00 (Decree 23/2015/NĐ-CP art. 21).</summary>
    private static TimeLimit SameWorkingDay => new(0, TimeLimitUnit.SameWorkingDay);

    private static (string, bool) Req(string name) => (name, true);
    private static (string, bool) Opt(string name) => (name, false);

    private static ProcedureFormField Text(string key, string label, bool required = true) => Field(key, label, FormFieldType.Text, required);
    private static ProcedureFormField Number(string key, string label, bool required = true) => Field(key, label, FormFieldType.Number, required);
    private static ProcedureFormField Date(string key, string label, bool required = true) => Field(key, label, FormFieldType.Date, required);
    private static ProcedureFormField Address(string key, string label, bool required = true) => Field(key, label, FormFieldType.Address, required);
    private static ProcedureFormField Choice(string key, string label, string options, bool required = true) =>
        Field(key, label, FormFieldType.Choice, required, options);

    private static ProcedureFormField Field(string key, string label, FormFieldType type, bool required, string? options = null) =>
        new() { Key = key, Label = label, Type = type, Required = required, Options = options };

    /// <summary>Reception, appraisal by a specialist, approval by the unit leader, return.</summary>
    private static WorkflowStep[] Standard() =>
    [
        Step("Tiếp nhận hồ sơ", Roles.Reception, 10),
        Step("Thẩm định hồ sơ", Roles.Specialist, 60),
        Step("Phê duyệt, ký kết quả", Roles.UnitLeader, 20),
        Step("Trả kết quả", Roles.Reception, 10),
    ];

    /// <summary>Procedures where appraisal includes verification, public posting or another agency's opinion.</summary>
    private static WorkflowStep[] Review() =>
    [
        Step("Tiếp nhận hồ sơ", Roles.Reception, 10),
        Step("Thẩm định, xác minh hồ sơ", Roles.Specialist, 50),
        Step("Phê duyệt, ký kết quả", Roles.UnitLeader, 30),
        Step("Trả kết quả", Roles.Reception, 10),
    ];

    /// <summary>Certification resolved on the spot: checked at the desk, signed by the certifying officer, returned.</summary>
    private static WorkflowStep[] OnTheSpot() =>
    [
        Step("Tiếp nhận, kiểm tra giấy tờ", Roles.Reception, 30),
        Step("Ký chứng thực", Roles.UnitLeader, 50),
        Step("Trả kết quả", Roles.Reception, 20),
    ];

    private static WorkflowStep Step(string name, string role, int share) => new() { Name = name, Role = role, SharePercent = share };
}
