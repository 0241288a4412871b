using LibraryBot.Bot.Tests.Handoff;
using OpenQA.Selenium;

namespace LibraryBot.Bot.Tests.Sandbox;

/// <summary>
/// The README's tour, walked in the simulator in headless Chromium as a new user would: on WhatsApp and on WeChat, in
/// each of the four languages, typing what the README suggests (and the way patrons type it), with Ana's demo card.
/// Each step waits for the bot's next answer and checks it is the one the tour promises, in the patron's language.
/// </summary>
[Collection(nameof(SimulatorBrowser))]
public sealed class ReadmeTourBrowserTests(StaffServer server) : IClassFixture<StaffServer>
{
    public static readonly TheoryData<string, string> Walks = new()
    {
        { "whatsapp", "en" }, { "whatsapp", "es" }, { "whatsapp", "zh-Hans" }, { "whatsapp", "vi" },
        { "wechat", "en" }, { "wechat", "es" }, { "wechat", "zh-Hans" }, { "wechat", "vi" },
    };

    /// <summary>A step that taps 📍 to share a location instead of typing.</summary>
    private const string Location = "📍";

    private static readonly Dictionary<string, (string Say, string Expect)[]> Tours = new()
    {
        ["en"] =
        [
            ("hello", "I'm the library's assistant"), ("menu", "What would you like to do?"), ("moby dick", "Melville"),
            ("search dickens", "\"dickens\""), ("my loans", "What is your library card number?"), ("29000100000011", "And your PIN?"),
            ("1234", "Ana, your loans:"), ("RA", "Renewals, item by item:"), ("my holds", "Pepita Jiménez"),
            ("are you open now?", "Central Library"), ("wifi", "AlderBay-Library"), (Location, "The nearest branch is"), ("help", "I can help"),
            ("librarian", "Would you like me to pass this chat to a librarian?"), ("no", "I'll keep helping you myself"),
            ("STOP", "Write START to receive news again"), ("delete my data", "Delete everything"), ("yes", "your data has been deleted"),
        ],
        ["es"] =
        [
            ("hola", "Soy el asistente de la biblioteca"), ("menú", "¿Qué te gustaría hacer?"), ("buscar pepita jimenez", "Juan Valera"),
            ("libros de galdos", "«galdos»"), ("mis préstamos", "¿Cuál es el número de tu tarjeta"), ("29000100000011", "¿Y tu PIN?"),
            ("1234", "Ana, tus préstamos:"), ("renovar todo", "Renovaciones, uno por uno:"), ("mis reservas", "Pepita Jiménez"),
            ("¿a qué hora cierran hoy?", "Central Library"), ("wifi", "AlderBay-Library"), (Location, "La sede más cercana es"), ("ayuda", "Puedo ayudarte"),
            ("bibliotecario", "¿Quieres que pase esta conversación"), ("no", "sigo ayudándote yo"),
            ("BAJA", "Escribe ALTA"), ("borrar mis datos", "¿Borrar todo"), ("sí", "tus datos se han borrado"),
        ],
        ["zh-Hans"] =
        [
            ("你好", "我是图书馆的智能助手"), ("菜单", "你想做什么？"), ("找 红楼梦", "曹雪芹"),
            ("鲁迅的书", "“鲁迅”"), ("我的借阅", "请输入你的借书证号"), ("29000100000011", "请输入密码"),
            ("1234", "Ana，你的借阅："), ("全部续借", "续借结果"), ("我的预约", "Pepita Jiménez"),
            ("今天几点关门？", "Central Library"), ("wifi密码", "AlderBay-Library"), (Location, "离你最近的是"), ("帮助", "我可以帮你"),
            ("人工", "需要我为你转接馆员吗？"), ("不用", "我继续为你服务"),
            ("退订", "回复“订阅”可重新接收"), ("删除我的数据", "要删除图书馆助手保存的"), ("是", "你的数据已删除"),
        ],
        ["vi"] =
        [
            ("xin chào", "Tôi là trợ lý của thư viện"), ("menu", "Bạn muốn làm gì?"), ("tìm truyện kiều", "Nguyễn Du"),
            ("tìm số đỏ", "Vũ Trọng Phụng"), ("sách đang mượn", "Số thẻ thư viện của bạn là gì?"), ("29000100000011", "Còn mã PIN"),
            ("1234", "Ana, sách bạn đang mượn:"), ("gia hạn tất cả", "Kết quả gia hạn từng cuốn"), ("sách tôi đặt đã có chưa", "Pepita Jiménez"),
            ("hôm nay mấy giờ đóng cửa?", "Central Library"), ("mật khẩu wifi", "AlderBay-Library"), (Location, "Chi nhánh gần nhất là"), ("trợ giúp", "Tôi có thể giúp"),
            ("gặp thủ thư", "Bạn có muốn tôi chuyển"), ("không", "tôi sẽ tiếp tục giúp bạn"),
            ("HỦY", "Gõ ĐĂNG KÝ để nhận tin lại"), ("xóa dữ liệu của tôi", "Xóa mọi dữ liệu"), ("có", "dữ liệu của bạn đã được xóa"),
        ],
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Tour_WhenWalkedInTheSimulator_AnswersEveryStepInThePatronsLanguage(string channel, string language)
    {
        using var browser = SimulatorBrowser.Open(server.Bot);
        var name = $"tour-{channel}-{language}";
        await browser.RunAsync(name, () =>
        {
            browser.Tab(channel);
            browser.Patron(channel == "whatsapp" ? Conversations.Phones.New(Conversations.Phones.UnitedStates) : Conversations.Phones.NewOpenId());
            foreach (var (say, expect) in Tours[language])
            {
                if (say == Location)
                {
                    var before = BotRows(browser);
                    browser.Driver.FindElement(By.Id("send-location")).Click();
                    NextBotRow(browser, before, expect);
                    continue;
                }

                Ask(browser, say, expect);
            }

            browser.Shot(name);
        });
    }

    /// <summary>Sends what the patron types and waits for a new bot message holding <paramref name="expected"/>.</summary>
    private static void Ask(SimulatorBrowser browser, string say, string expected)
    {
        var before = BotRows(browser);
        browser.Say(say);
        NextBotRow(browser, before, expected);
    }

    private static int BotRows(SimulatorBrowser browser) => browser.Chat.FindElements(By.CssSelector("li.msg.bot")).Count;

    private static void NextBotRow(SimulatorBrowser browser, int before, string expected)
    {
        try
        {
            browser.Wait.Until(_ => browser.Chat.FindElements(By.CssSelector("li.msg.bot")).Skip(before).Any(li => li.Text.Contains(expected, StringComparison.Ordinal)));
        }
        catch (WebDriverTimeoutException)
        {
            var answers = browser.Chat.FindElements(By.CssSelector("li.msg.bot")).Skip(before).Select(li => li.Text);
            throw new Xunit.Sdk.XunitException($"Expected a bot answer containing \"{expected}\"; got:\n{string.Join("\n---\n", answers)}");
        }
    }
}
