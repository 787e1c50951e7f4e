using System.Globalization;
using HcmcPortal.Reports;
using static HcmcPortal.Reports.PortalMetrics;

namespace HcmcPortal.Data.Seed;

/// <summary>
/// The default DX indicator framework for districts and Thủ Đức City (domain.md §6): 9 indices, 51 components,
/// 1,000 points. It is a starting point that the evaluator edits and versions, never a statement of law.
/// Every call returns new instances without ids.
/// </summary>
public static class ReferenceDxFramework
{
    /// <summary>The portal metrics (defined once, in <see cref="PortalMetrics"/>) the default framework measures.</summary>
    public static IReadOnlyList<string> MeasuredMetrics { get; } =
        [OnlineShare, OnTimeRate, DossierDigitisedRate, ResultDigitisedRate, OnlinePaymentRate, SatisfactionRate];

    public static DxFramework Default() => new()
    {
        Name = "Bộ chỉ số chuyển đổi số cấp quận, huyện (mặc định)",
        Version = "2024.1",
        Notes = "Bộ chỉ số mặc định, có thể chỉnh sửa, được xây dựng theo cấu trúc của Quyết định 79/QĐ-UBND ngày 10/01/2023 "
            + "của Ủy ban nhân dân Thành phố (9 chỉ số chính, 51 chỉ số thành phần, tổng 1.000 điểm); "
            + "trọng số các chỉ số chính theo tinh thần Bộ chỉ số DTI cấp tỉnh (Quyết định 922/QĐ-BTTTT). "
            + "Điểm tối đa và mục tiêu của từng chỉ số thành phần chưa được đối chiếu với văn bản chính thức: "
            + "đơn vị đánh giá cần rà soát, điều chỉnh trước khi áp dụng cho kỳ đánh giá. "
            + "Điểm thành phần = min(tỷ lệ đạt được ÷ tỷ lệ mục tiêu, 1) × điểm tối đa.",
        Indices =
        [
            Index("NT", "Nhận thức số", 80, 1,
            [
                Declared("Ban Chỉ đạo chuyển đổi số của quận, huyện được kiện toàn và hoạt động theo quy chế", 20, 1.0,
                    "Quyết định kiện toàn Ban Chỉ đạo, quy chế hoạt động và thông báo kết luận các phiên họp trong năm"),
                Declared("Số cuộc họp chuyên đề về chuyển đổi số do lãnh đạo Ủy ban nhân dân quận, huyện chủ trì (so với chỉ tiêu 4 cuộc/năm)", 15, 1.0,
                    "Thông báo kết luận hoặc biên bản các cuộc họp chuyên đề"),
                Declared("Số tin, bài tuyên truyền về chuyển đổi số trên cổng thông tin điện tử của quận, huyện (so với chỉ tiêu)", 15, 1.0,
                    "Danh sách đường dẫn tin, bài đã đăng trong năm"),
                Declared("Tỷ lệ phường, xã, thị trấn có tổ công nghệ số cộng đồng hoạt động", 15, 1.0,
                    "Quyết định thành lập tổ công nghệ số cộng đồng và báo cáo hoạt động của từng phường, xã, thị trấn"),
                Declared("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia (10/10)", 15, 1.0,
                    "Kế hoạch và báo cáo kết quả tổ chức các hoạt động hưởng ứng"),
            ]),
            Index("TC", "Thể chế số", 80, 2,
            [
                Declared("Ban hành kế hoạch chuyển đổi số năm", 20, 1.0,
                    "Kế hoạch chuyển đổi số năm đã ký ban hành (số, ngày)"),
                Declared("Ban hành quy chế quản lý, vận hành, khai thác các hệ thống thông tin dùng chung của quận, huyện", 15, 1.0,
                    "Quyết định ban hành quy chế"),
                Declared("Tỷ lệ kinh phí cho chuyển đổi số được bố trí trong dự toán ngân sách năm so với kế hoạch", 20, 1.0,
                    "Quyết định giao dự toán ngân sách và bảng tổng hợp kinh phí cho chuyển đổi số"),
                Declared("Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm được hoàn thành đúng hạn", 15, 0.9,
                    "Báo cáo kết quả thực hiện kế hoạch, có danh sách nhiệm vụ và tình trạng hoàn thành"),
                Declared("Ban hành danh mục cơ sở dữ liệu và kế hoạch mở dữ liệu của quận, huyện", 10, 1.0,
                    "Văn bản ban hành danh mục cơ sở dữ liệu và kế hoạch mở dữ liệu"),
            ]),
            Index("HT", "Hạ tầng số", 100, 3,
            [
                Declared("Tỷ lệ hộ gia đình có cáp quang", 20, 0.9,
                    "Số liệu của các doanh nghiệp viễn thông trên địa bàn, có xác nhận của Phòng Văn hóa và Thông tin"),
                Declared("Tỷ lệ khu phố, ấp được phủ sóng di động 4G/5G", 15, 1.0,
                    "Số liệu của các doanh nghiệp viễn thông về vùng phủ sóng theo khu phố, ấp"),
                Declared("Tỷ lệ cơ quan, đơn vị từ quận, huyện đến phường, xã kết nối mạng truyền số liệu chuyên dùng", 15, 1.0,
                    "Danh sách điểm kết nối mạng truyền số liệu chuyên dùng đang hoạt động"),
                Declared("Tỷ lệ máy tính của cán bộ, công chức đáp ứng yêu cầu công việc", 15, 1.0,
                    "Báo cáo kiểm kê trang thiết bị công nghệ thông tin"),
                Declared("Số điểm truy cập wifi công cộng miễn phí (tỷ lệ so với chỉ tiêu)", 15, 1.0,
                    "Danh sách điểm wifi công cộng và địa chỉ lắp đặt"),
                Declared("Tỷ lệ phường, xã, thị trấn có điểm cầu họp trực tuyến kết nối với quận, huyện", 20, 1.0,
                    "Danh sách điểm cầu và biên bản kiểm tra kết nối"),
            ]),
            Index("NL", "Nhân lực số", 80, 4,
            [
                Declared("Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", 20, 1.0,
                    "Danh sách học viên và chứng nhận hoàn thành các lớp tập huấn trong năm"),
                Declared("Bố trí công chức chuyên trách công nghệ thông tin, chuyển đổi số tại quận, huyện", 15, 1.0,
                    "Quyết định phân công công chức chuyên trách"),
                Declared("Tỷ lệ phường, xã, thị trấn có công chức được phân công phụ trách chuyển đổi số", 15, 1.0,
                    "Quyết định phân công của từng phường, xã, thị trấn"),
                Declared("Tỷ lệ thành viên tổ công nghệ số cộng đồng được tập huấn", 20, 0.8,
                    "Danh sách thành viên đã tham gia tập huấn"),
                Declared("Tỷ lệ cán bộ lãnh đạo, quản lý được bồi dưỡng kiến thức về chuyển đổi số", 10, 1.0,
                    "Danh sách lãnh đạo đã tham gia bồi dưỡng và giấy chứng nhận"),
            ]),
            Index("ATTT", "An toàn thông tin mạng", 80, 5,
            [
                Declared("Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", 20, 1.0,
                    "Quyết định phê duyệt hồ sơ đề xuất cấp độ của từng hệ thống thông tin"),
                Declared("Tỷ lệ hệ thống thông tin được triển khai đầy đủ phương án bảo đảm an toàn theo cấp độ", 15, 1.0,
                    "Báo cáo triển khai phương án bảo đảm an toàn thông tin"),
                Declared("Tỷ lệ máy tính được cài đặt phần mềm phòng, chống mã độc có quản trị tập trung", 15, 1.0,
                    "Báo cáo từ hệ thống quản trị phần mềm phòng, chống mã độc"),
                Declared("Kết nối, chia sẻ dữ liệu giám sát an toàn thông tin với Trung tâm giám sát an toàn thông tin của Thành phố", 20, 1.0,
                    "Xác nhận kết nối của đơn vị vận hành Trung tâm giám sát"),
                Declared("Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng trong năm", 10, 1.0,
                    "Kế hoạch và báo cáo kết quả diễn tập"),
            ]),
            Index("CQS", "Chính quyền số", 230, 6,
            [
                Measured("Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến", 30, 0.5, OnlineShare),
                Measured("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", 30, 1.0, OnTimeRate),
                Measured("Tỷ lệ hồ sơ thủ tục hành chính được số hóa khi tiếp nhận", 25, 0.8, DossierDigitisedRate),
                Measured("Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa", 25, 0.8, ResultDigitisedRate),
                Measured("Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến", 20, 0.8, OnlinePaymentRate),
                Declared("Tỷ lệ văn bản đi được gửi dưới dạng điện tử có ký số", 25, 0.9,
                    "Thống kê từ hệ thống quản lý văn bản và điều hành"),
                Declared("Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", 25, 0.8,
                    "Danh mục thủ tục hành chính cung cấp trực tuyến toàn trình đã được công bố"),
                Declared("Tỷ lệ báo cáo định kỳ được thực hiện trên Hệ thống thông tin báo cáo", 15, 1.0,
                    "Thống kê từ Hệ thống thông tin báo cáo của Thành phố"),
                Declared("Tỷ lệ cuộc họp của Ủy ban nhân dân quận, huyện được tổ chức không giấy", 15, 0.8,
                    "Thống kê từ hệ thống phòng họp không giấy"),
                Declared("Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của Thành phố", 20, 0.8,
                    "Danh sách cơ sở dữ liệu và xác nhận kết nối của đơn vị vận hành nền tảng"),
            ]),
            Index("KTS", "Kinh tế số", 140, 7,
            [
                Declared("Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", 30, 0.5,
                    "Kết quả khảo sát doanh nghiệp trên địa bàn hoặc số liệu từ chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số"),
                Declared("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", 25, 1.0,
                    "Số liệu của Chi cục Thuế khu vực"),
                Declared("Tỷ lệ tiểu thương tại chợ truyền thống chấp nhận thanh toán không dùng tiền mặt", 30, 0.5,
                    "Báo cáo của Ban quản lý chợ, có danh sách tiểu thương tham gia"),
                Declared("Tỷ lệ sản phẩm OCOP, sản phẩm đặc trưng của địa phương được đưa lên sàn thương mại điện tử", 30, 0.8,
                    "Danh sách sản phẩm và đường dẫn gian hàng trên sàn thương mại điện tử"),
                Declared("Tỷ lệ trường học, cơ sở y tế công lập thu phí không dùng tiền mặt", 25, 1.0,
                    "Báo cáo của Phòng Giáo dục và Đào tạo và Trung tâm Y tế quận, huyện"),
            ]),
            Index("XHS", "Xã hội số", 140, 8,
            [
                Measured("Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính", 30, 0.9, SatisfactionRate),
                Declared("Tỷ lệ người dân có tài khoản định danh điện tử mức 2", 30, 0.8,
                    "Số liệu của Công an quận, huyện về tài khoản định danh điện tử đã kích hoạt"),
                Declared("Tỷ lệ người dân trưởng thành có điện thoại thông minh", 25, 0.9,
                    "Kết quả khảo sát hoặc số liệu của các doanh nghiệp viễn thông"),
                Declared("Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử", 30, 0.8,
                    "Số liệu của các ngân hàng, tổ chức cung ứng dịch vụ trung gian thanh toán trên địa bàn"),
                Declared("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", 25, 0.9,
                    "Số liệu của Trung tâm Y tế quận, huyện"),
            ]),
            Index("DTTM", "Đô thị thông minh", 70, 9,
            [
                Declared("Số camera giám sát kết nối trung tâm (tỷ lệ so với chỉ tiêu)", 20, 1.0,
                    "Danh sách camera đang kết nối về trung tâm giám sát, điều hành"),
                Declared("Trung tâm giám sát, điều hành đô thị thông minh (IOC) của quận, huyện được đưa vào vận hành", 15, 1.0,
                    "Quyết định thành lập, quy chế vận hành và báo cáo hoạt động của trung tâm"),
                Declared("Tỷ lệ phản ánh, kiến nghị của người dân qua Cổng thông tin 1022 được xử lý đúng hạn", 15, 0.9,
                    "Thống kê từ hệ thống Tổng đài 1022"),
                Declared("Ứng dụng bản đồ số (GIS) trong quản lý đô thị, quy hoạch, đất đai", 10, 1.0,
                    "Đường dẫn hệ thống và danh sách lớp dữ liệu đã số hóa"),
                Declared("Tỷ lệ dịch vụ đô thị thông minh được cung cấp trên ứng dụng di động của quận, huyện so với kế hoạch", 10, 0.8,
                    "Danh sách dịch vụ đang cung cấp trên ứng dụng"),
            ]),
        ],
    };

    /// <summary>Name of the default commune-level framework, by which the seeder finds it.</summary>
    public const string CommuneName = "Bộ chỉ số chuyển đổi số cấp xã: phường, xã, đặc khu (mặc định)";

    /// <summary>
    /// The default DX framework for the 168 wards, communes and the special zone from 2025 (domain.md §6): 8 main
    /// indicators, 42 components, 100 points, evaluated yearly. The city publishes the indicators, not the
    /// per-component points: these points and targets are editable defaults. Measured components read the portal's
    /// own rates (<see cref="PortalMetrics"/>); reuse of data is declared, because the portal keeps no record of
    /// which submitted documents came from a shared database.
    /// </summary>
    public static DxFramework Commune2025() => new()
    {
        Name = CommuneName,
        Version = "2025.1",
        Notes = "Bộ chỉ số mặc định, có thể chỉnh sửa, theo cấu trúc Bộ chỉ số đánh giá chuyển đổi số của phường, xã, đặc khu "
            + "Thành phố Hồ Chí Minh từ năm 2025 (8 chỉ số chính, 42 chỉ số thành phần, tổng 100 điểm; đánh giá hằng năm, "
            + "hội đồng thẩm định số liệu, minh chứng và công bố xếp hạng). Điểm tối đa và mục tiêu của từng chỉ số thành phần "
            + "chưa được công bố: các giá trị ở đây là giá trị mặc định, đơn vị đánh giá cần rà soát, điều chỉnh. "
            + "Áp dụng cho kỳ 2025 (số liệu đo lường từ 01/07/2025) và các kỳ sau; kỳ 2024 dùng bộ chỉ số cấp quận, huyện. "
            + "Điểm thành phần = min(tỷ lệ đạt được ÷ tỷ lệ mục tiêu, 1) × điểm tối đa.",
        Indices =
        [
            Index("NT", "Nhận thức số", 10, 1,
            [
                Declared("Ban Chỉ đạo chuyển đổi số của phường, xã, đặc khu được kiện toàn và hoạt động theo quy chế", 3, 1.0,
                    "Quyết định kiện toàn Ban Chỉ đạo, quy chế hoạt động và thông báo kết luận các phiên họp trong năm"),
                Declared("Số cuộc họp chuyên đề về chuyển đổi số do Chủ tịch Ủy ban nhân dân chủ trì (so với chỉ tiêu 4 cuộc/năm)", 2, 1.0,
                    "Thông báo kết luận hoặc biên bản các cuộc họp chuyên đề"),
                Declared("Số tin, bài tuyên truyền về chuyển đổi số trên trang thông tin điện tử của đơn vị (so với chỉ tiêu)", 2, 1.0,
                    "Danh sách đường dẫn tin, bài đã đăng trong năm"),
                Declared("Tỷ lệ khu phố, ấp có tổ công nghệ số cộng đồng hoạt động", 3, 1.0,
                    "Quyết định thành lập tổ công nghệ số cộng đồng và báo cáo hoạt động"),
            ]),
            Index("TC", "Thể chế số", 10, 2,
            [
                Declared("Ban hành kế hoạch chuyển đổi số năm của đơn vị", 3, 1.0,
                    "Kế hoạch chuyển đổi số năm đã ký ban hành (số, ngày)"),
                Declared("Tỷ lệ kinh phí cho chuyển đổi số được bố trí so với kế hoạch", 3, 1.0,
                    "Quyết định giao dự toán và bảng tổng hợp kinh phí cho chuyển đổi số"),
                Declared("Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm hoàn thành đúng hạn", 2, 0.9,
                    "Báo cáo kết quả thực hiện kế hoạch, có danh sách nhiệm vụ và tình trạng hoàn thành"),
                Declared("Ban hành quy chế quản lý, khai thác dữ liệu và hệ thống thông tin của đơn vị", 2, 1.0,
                    "Quyết định ban hành quy chế"),
            ]),
            Index("HT", "Hạ tầng số", 10, 3,
            [
                Declared("Tỷ lệ hộ gia đình có cáp quang", 2, 0.9,
                    "Số liệu của các doanh nghiệp viễn thông trên địa bàn"),
                Declared("Tỷ lệ khu phố, ấp được phủ sóng di động 4G/5G", 2, 1.0,
                    "Số liệu của các doanh nghiệp viễn thông về vùng phủ sóng"),
                Declared("Trung tâm Phục vụ hành chính công kết nối mạng truyền số liệu chuyên dùng", 2, 1.0,
                    "Xác nhận kết nối của đơn vị cung cấp mạng truyền số liệu chuyên dùng"),
                Declared("Tỷ lệ máy tính, thiết bị tại Trung tâm Phục vụ hành chính công đáp ứng yêu cầu", 2, 1.0,
                    "Báo cáo kiểm kê trang thiết bị"),
                Declared("Có điểm cầu họp trực tuyến kết nối với Thành phố", 2, 1.0,
                    "Biên bản kiểm tra kết nối điểm cầu"),
            ]),
            Index("NL", "Nhân lực số", 10, 4,
            [
                Declared("Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", 3, 1.0,
                    "Danh sách học viên và chứng nhận hoàn thành các lớp tập huấn"),
                Declared("Bố trí công chức phụ trách chuyển đổi số", 2, 1.0,
                    "Quyết định phân công công chức"),
                Declared("Tỷ lệ thành viên tổ công nghệ số cộng đồng được tập huấn", 2, 0.8,
                    "Danh sách thành viên đã tham gia tập huấn"),
                Declared("Tỷ lệ lãnh đạo được bồi dưỡng kiến thức về chuyển đổi số", 2, 1.0,
                    "Danh sách lãnh đạo đã tham gia bồi dưỡng"),
                Declared("Tỷ lệ công chức Trung tâm Phục vụ hành chính công thành thạo hướng dẫn nộp hồ sơ trực tuyến", 1, 1.0,
                    "Kết quả kiểm tra, sát hạch kỹ năng"),
            ]),
            Index("ATTT", "An toàn thông tin mạng", 10, 5,
            [
                Declared("Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", 2, 1.0,
                    "Quyết định phê duyệt hồ sơ đề xuất cấp độ"),
                Declared("Tỷ lệ máy tính cài phần mềm phòng, chống mã độc có quản trị tập trung", 2, 1.0,
                    "Báo cáo từ hệ thống quản trị phần mềm phòng, chống mã độc"),
                Declared("Kết nối giám sát an toàn thông tin với Trung tâm giám sát của Thành phố", 2, 1.0,
                    "Xác nhận kết nối của đơn vị vận hành Trung tâm giám sát"),
                Declared("Tỷ lệ cán bộ, công chức sử dụng chữ ký số cá nhân", 2, 0.9,
                    "Danh sách chứng thư số đã cấp"),
                Declared("Tham gia diễn tập, tập huấn ứng cứu sự cố an toàn thông tin mạng trong năm", 2, 1.0,
                    "Giấy mời và báo cáo kết quả diễn tập"),
            ]),
            Index("CQS", "Chính quyền số", 25, 6,
            [
                Measured("Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến", 4, 0.5, OnlineShare),
                Measured("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", 4, 1.0, OnTimeRate),
                Measured("Tỷ lệ hồ sơ được số hóa khi tiếp nhận", 3, 0.8, DossierDigitisedRate),
                Measured("Tỷ lệ kết quả giải quyết được cấp bản điện tử (số hóa)", 3, 0.8, ResultDigitisedRate),
                Measured("Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến", 2, 0.8, OnlinePaymentRate),
                Measured("Mức độ hài lòng của người dân, doanh nghiệp (100% − tỷ lệ trễ hạn − tỷ lệ phản ánh)", 3, 0.9, SatisfactionRate),
                Declared("Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu đã số hóa (không yêu cầu nộp lại giấy tờ)", 2, 0.8,
                    "Thống kê từ Hệ thống thông tin giải quyết thủ tục hành chính về hồ sơ tái sử dụng dữ liệu"),
                Declared("Tỷ lệ văn bản đi được gửi dưới dạng điện tử có ký số", 2, 0.9,
                    "Thống kê từ hệ thống quản lý văn bản và điều hành"),
                Declared("Tỷ lệ báo cáo định kỳ thực hiện trên Hệ thống thông tin báo cáo", 2, 1.0,
                    "Thống kê từ Hệ thống thông tin báo cáo của Thành phố"),
            ]),
            Index("KTS", "Kinh tế số", 10, 7,
            [
                Declared("Tỷ lệ hộ kinh doanh, doanh nghiệp nhỏ sử dụng nền tảng số", 2, 0.5,
                    "Kết quả khảo sát hoặc số liệu chương trình hỗ trợ chuyển đổi số"),
                Declared("Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền", 2, 0.8,
                    "Số liệu của cơ quan thuế quản lý"),
                Declared("Tỷ lệ tiểu thương tại chợ chấp nhận thanh toán không dùng tiền mặt", 2, 0.5,
                    "Báo cáo của Ban quản lý chợ"),
                Declared("Tỷ lệ sản phẩm OCOP, sản phẩm đặc trưng được đưa lên sàn thương mại điện tử", 2, 0.8,
                    "Danh sách sản phẩm và đường dẫn gian hàng"),
                Declared("Tỷ lệ trường học, cơ sở y tế công lập trên địa bàn thu phí không dùng tiền mặt", 2, 1.0,
                    "Báo cáo của các trường học, cơ sở y tế"),
            ]),
            Index("XHS", "Xã hội số", 15, 8,
            [
                Declared("Tỷ lệ người dân có tài khoản định danh điện tử mức 2", 4, 0.8,
                    "Số liệu của Công an phường, xã, đặc khu"),
                Declared("Tỷ lệ người dân trưởng thành có điện thoại thông minh", 3, 0.9,
                    "Kết quả khảo sát hoặc số liệu của các doanh nghiệp viễn thông"),
                Declared("Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử", 3, 0.8,
                    "Số liệu của các tổ chức cung ứng dịch vụ thanh toán"),
                Declared("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", 3, 0.9,
                    "Số liệu của trạm y tế"),
                // Measured from the portal's own 1022 channel (issue 13 item 6).
                Measured("Tỷ lệ phản ánh, kiến nghị qua kênh số được xử lý đúng hạn", 2, 0.9, HcmcPortal.FeedbackReports.FeedbackFigures.OnTimeMetric),
            ]),
        ],
    };

    private static DxIndex Index(string code, string name, double maxPoints, int order, DxComponent[] components)
    {
        var index = new DxIndex { Code = code, Name = name, MaxPoints = maxPoints, Order = order };
        for (var i = 0; i < components.Length; i++)
        {
            components[i].Order = i + 1;
            components[i].Code = code + "." + (i + 1).ToString("00", CultureInfo.InvariantCulture);
            index.Components.Add(components[i]);
        }

        return index;
    }

    private static DxComponent Measured(string name, double maxPoints, double target, string metric) => new()
    {
        Name = name,
        MaxPoints = maxPoints,
        TargetRate = target,
        Source = DxSource.Measured,
        Metric = metric,
    };

    private static DxComponent Declared(string name, double maxPoints, double target, string evidence) => new()
    {
        Name = name,
        MaxPoints = maxPoints,
        TargetRate = target,
        Source = DxSource.Declared,
        EvidenceRequired = evidence,
    };
}
