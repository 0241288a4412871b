namespace LibraryBot.Bot.Understanding;

/// <summary>Finds "today", "tomorrow" or a weekday in a message, in the four languages (folded units).</summary>
public static class DayFinder
{
    private static readonly (string[] Units, DayReference Day)[] Words = Build();

    public static (DayReference Day, IReadOnlyList<int> Units)? Find(Utterance utterance)
    {
        var units = utterance.Units;
        foreach (var (words, day) in Words)
        {
            for (var i = 0; i + words.Length <= units.Count; i++)
            {
                var match = true;
                for (var k = 0; k < words.Length && match; k++)
                {
                    match = string.Equals(units[i + k].Text, words[k], StringComparison.Ordinal);
                }

                if (match)
                {
                    return (day, Enumerable.Range(i, words.Length).ToArray());
                }
            }
        }

        return null;
    }

    private static (string[], DayReference)[] Build()
    {
        var list = new List<(string[], DayReference)>();
        void Add(DayReference day, params string[] phrases) =>
            list.AddRange(phrases.Select(p => (Utterance.UnitsOf(p).Select(u => u.Text).ToArray(), day)));

        // Longer phrases first, so "thứ hai" is found before "hai" could matter and "pasado mañana" before "mañana".
        Add(new DayReference(2, null), "day after tomorrow", "pasado mañana", "后天", "ngày kia", "ngay mot");
        Add(DayReference.Tomorrow, "tomorrow", "tmr", "tmrw", "mañana", "manana", "明天", "明日", "ngày mai");
        Add(DayReference.Today, "today", "tonight", "this evening", "hoy", "esta tarde", "esta noche", "今天", "今日", "今晚", "hôm nay", "hom nay", "tối nay", "toi nay", "chiều nay", "chieu nay");
        var weekdays = new (DayOfWeek Day, string[] Words)[]
        {
            (DayOfWeek.Monday, ["monday", "lunes", "周一", "星期一", "礼拜一", "thứ hai", "thu 2"]),
            (DayOfWeek.Tuesday, ["tuesday", "martes", "周二", "星期二", "礼拜二", "thứ ba", "thu 3"]),
            (DayOfWeek.Wednesday, ["wednesday", "miércoles", "miercoles", "周三", "星期三", "礼拜三", "thứ tư", "thu tu", "thu 4"]),
            (DayOfWeek.Thursday, ["thursday", "jueves", "周四", "星期四", "礼拜四", "thứ năm", "thu nam", "thu 5"]),
            (DayOfWeek.Friday, ["friday", "viernes", "周五", "星期五", "礼拜五", "thứ sáu", "thu sau", "thu 6"]),
            (DayOfWeek.Saturday, ["saturday", "sábado", "sabado", "周六", "星期六", "礼拜六", "thứ bảy", "thu bay", "thu 7"]),
            (DayOfWeek.Sunday, ["sunday", "domingo", "周日", "周天", "星期日", "星期天", "礼拜天", "礼拜日", "chủ nhật", "chu nhat"]),
        };
        foreach (var (day, words) in weekdays)
        {
            Add(new DayReference(0, day), words);
        }

        return list.OrderByDescending(x => x.Item1.Length).ToArray();
    }
}
