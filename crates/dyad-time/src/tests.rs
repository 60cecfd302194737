//! Data-driven tests: each case is a sentence of our own, a document date, and the time
//! expressions expected, written `text=TYPE:value[:mod]`, one per line.

use dyad_core::{Document, Published};

/// Annotates `text` with document date `date` ("" for none) and compares the timexes
/// with `expected` (one `text=TYPE:value[:mod]` per line; value `-` for none).
///
/// Each case runs three ways, which must all agree: as in the pipeline (after `dyad-text`,
/// scanning only the windows around anchor words), after `dyad-text` scanning everything,
/// and alone (no text layer: the scanner guesses sentences).
fn check(text: &str, date: &str, expected: &str) {
    let want: Vec<String> = expected.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    for how in [How::Pipeline, How::FullScan, How::Alone] {
        assert_eq!(run_as(text, date, how), want, "\ntext: {text}\ndate: {date}\nrun: {how:?}");
    }
}

#[derive(Clone, Copy, Debug)]
enum How {
    Pipeline,
    FullScan,
    Alone,
}

fn run(text: &str, date: &str) -> Vec<String> {
    run_as(text, date, How::Pipeline)
}

fn run_as(text: &str, date: &str, how: How) -> Vec<String> {
    let mut doc = Document::new("t", text).unwrap();
    if !date.is_empty() {
        doc.meta.published = Some(Published::parse(date).unwrap());
    }
    match how {
        How::Pipeline => {
            dyad_text::annotate(&mut doc);
            crate::annotate(&mut doc);
        }
        How::FullScan => {
            dyad_text::annotate(&mut doc);
            crate::annotate_scanning_everything(&mut doc);
        }
        How::Alone => crate::annotate(&mut doc),
    }
    doc.timexes
        .iter()
        .map(|t| {
            let mut s = format!("{}={}:{}", doc.slice(t.span), t.kind.as_str(), t.value.as_deref().unwrap_or("-"));
            if let Some(m) = &t.modifier {
                s.push(':');
                s.push_str(m);
            }
            s
        })
        .collect()
}

fn quantities(text: &str) -> Vec<String> {
    let mut doc = Document::new("t", text).unwrap();
    crate::annotate(&mut doc);
    doc.quantities
        .iter()
        .map(|q| {
            format!(
                "{}={}|{}|{}",
                doc.slice(q.span),
                q.value,
                q.unit.as_deref().unwrap_or("-"),
                q.qualifier.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn explicit_dates() {
    check(
        "The ceasefire was signed on Feb. 12, 2022 and broke down on 3 March 2022.",
        "2022-06-01",
        "Feb. 12, 2022=DATE:2022-02-12
         3 March 2022=DATE:2022-03-03",
    );
    check(
        "Talks resumed in January 2015 and again in 2014.",
        "2022-06-01",
        "January 2015=DATE:2015-01\n2014=DATE:2014",
    );
    check("The army withdrew by mid-March.", "2022-06-01", "mid-March=DATE:2022-03:MID");
    check("Elections are due on 12 February.", "2022-01-10", "12 February=DATE:2022-02-12");
    check("The decree is dated 2022-02-13.", "", "2022-02-13=DATE:2022-02-13");
}

#[test]
fn weekdays_follow_tense() {
    // 2022-02-13 is a Sunday.
    check("The ministers spoke by phone on Saturday.", "2022-02-13", "Saturday=DATE:2022-02-12");
    check("The ministry published its reply on Sunday.", "2022-02-13", "Sunday=DATE:2022-02-13");
    check("The two leaders will meet on Monday in Geneva.", "2022-02-13", "Monday=DATE:2022-02-14");
    check("The envoy arrived on Monday.", "2022-02-13", "Monday=DATE:2022-02-07");
    check(
        "He left last Friday and returns next Tuesday.",
        "2022-02-13",
        "last Friday=DATE:2022-02-11\nnext Tuesday=DATE:2022-02-15",
    );
    check("Shelling resumed Monday morning.", "2022-02-16", "Monday morning=TIME:2022-02-14TMO");
}

#[test]
fn relative_days_weeks_months_years() {
    check(
        "Protests began yesterday, two days ago and last week, and will end next month.",
        "2022-02-13",
        "yesterday=DATE:2022-02-12
         two days ago=DATE:2022-02-11
         last week=DATE:2022-W05
         next month=DATE:2022-03",
    );
    check("Earlier this year the army massed troops.", "2022-02-13", "Earlier this year=DATE:2022:START");
    check(
        "Today the border is quiet; tomorrow it may not be.",
        "2022-02-13",
        "Today=DATE:2022-02-13\ntomorrow=DATE:2022-02-14",
    );
}

#[test]
fn year_boundaries() {
    check("Fighting flared last December.", "2022-01-05", "last December=DATE:2021-12");
    check("Fighting flared in December.", "2022-01-05", "December=DATE:2021-12");
    check("The summit opened last week.", "2022-01-05", "last week=DATE:2021-W52");
    check("The talks collapsed last month.", "2022-01-05", "last month=DATE:2021-12");
    check("Parliament will vote next month.", "2021-12-20", "next month=DATE:2022-01");
    check("The new budget takes effect next year.", "2021-12-31", "next year=DATE:2022");
    check("The envoy will return on Jan. 3.", "2021-12-30", "Jan. 3=DATE:2022-01-03");
}

#[test]
fn leap_years_and_absurd_dates() {
    check("The vote was held on February 29, 2024.", "2024-03-01", "February 29, 2024=DATE:2024-02-29");
    check("The vote was held on February 29, 2023.", "2024-03-01", "February 29, 2023=DATE:-");
    check("Nothing happened on February 30.", "2022-03-01", "February 30=DATE:-");
    check(
        "A year earlier than Feb. 29, 2024 is Feb. 28.",
        "2024-03-01",
        "A year=DURATION:P1Y\nFeb. 29, 2024=DATE:2024-02-29\nFeb. 28=DATE:2024-02-28",
    );
    check("In the year 99999 and 123456789012345678901234567890 days.", "2022-01-01", "");
    let mut doc = Document::new("t", "It fell on February 30.").unwrap();
    crate::annotate(&mut doc);
    assert!(doc.diagnostics.iter().any(|d| d.stage == "time" && d.message.contains("February 30")));
}

#[test]
fn clock_times_with_zones_and_dst() {
    check(
        "The meeting Saturday opened at 9:15 am ET (14:15 GMT) and closed at 1:40 pm ET (18:40 GMT).",
        "2022-02-13",
        "Saturday=DATE:2022-02-12
         9:15 am ET=TIME:2022-02-12T14:15Z
         14:15 GMT=TIME:2022-02-12T14:15Z
         1:40 pm ET=TIME:2022-02-12T18:40Z
         18:40 GMT=TIME:2022-02-12T18:40Z",
    );
    // ET in July is UTC-4.
    check("The briefing began at 10:20 a.m. ET.", "2022-07-04", "10:20 a.m. ET=TIME:2022-07-04T14:20Z");
    // The night the clocks go forward in the US (2022-03-13): 1:30 am is EST, 3:30 am EDT.
    check(
        "Sirens sounded at 1:30 am ET and 3:30 am ET.",
        "2022-03-13",
        "1:30 am ET=TIME:2022-03-13T06:30Z\n3:30 am ET=TIME:2022-03-13T07:30Z",
    );
    check("Strikes hit at 0300 GMT.", "2022-02-24", "0300 GMT=TIME:2022-02-24T03:00Z");
    check(
        "Explosions were heard at 5 a.m. local time in Kyiv.",
        "2022-02-24",
        "5 a.m. local time=TIME:2022-02-24T03:00Z",
    );
    check("The statement came at 9 pm MSK.", "2022-02-21", "9 pm MSK=TIME:2022-02-21T18:00Z");
    check("Late trading closed at 8 pm PST.", "2021-12-31", "8 pm PST=TIME:2022-01-01T04:00Z");
    check("He spoke at 4 p.m.", "", "4 p.m.=TIME:XXXX-XX-XXT16:00");
}

#[test]
fn durations() {
    check(
        "The two hours and five minutes long session followed an hour-long meeting.",
        "2022-02-13",
        "two hours and five minutes=DURATION:PT2H5M
         hour-long=DURATION:PT1H",
    );
    check(
        "The dispute returns nearly six years after the army seized the port.",
        "2022-02-13",
        "nearly six years=DURATION:P6Y:APPROX",
    );
    check(
        "Troops stayed for more than 30 days, then a 10-day pause.",
        "",
        "more than 30 days=DURATION:P30D:MORE_THAN\n10-day=DURATION:P10D",
    );
    check("Over the past two months prices doubled.", "2022-02-13", "the past two months=DURATION:P2M");
    check(
        "The siege lasted several weeks; talks took half an hour.",
        "",
        "several weeks=DURATION:PXW\nhalf an hour=DURATION:PT30M",
    );
    check("A 10-year-old boy was hurt.", "2022-02-13", "");
}

#[test]
fn duration_anchor_for_after() {
    let mut doc = Document::new("t", "The dispute returns nearly six years after the army seized the port.").unwrap();
    doc.meta.published = Some(Published::parse("2022-02-13").unwrap());
    crate::annotate(&mut doc);
    let a = crate::duration_anchors(&doc);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].relation, crate::AnchorRelation::After);
    assert_eq!(a[0].value.as_deref(), Some("2016"));
    assert_eq!(a[0].modifier.as_deref(), Some("APPROX"));
}

#[test]
fn sets_and_vague_references() {
    check("Monitors report daily and meet every Monday.", "", "daily=SET:P1D\nevery Monday=SET:XXXX-WXX-1");
    check("Inspections happen twice a year.", "", "twice a year=SET:P1Y");
    check(
        "An invasion could begin in the coming days, officials recently said; the situation is now tense.",
        "2022-02-13",
        "the coming days=DATE:FUTURE_REF
         recently=DATE:PAST_REF
         now=DATE:PRESENT_REF",
    );
}

#[test]
fn general_uses_of_day_words_and_the_past() {
    // "will one day" is some day ahead, not a day long; "for one day" is a day long.
    check(
        "The port will one day handle grain again; it closed for one day.",
        "2022-02-13",
        "one day=DATE:FUTURE_REF
one day=DURATION:P1D",
    );
    // "today's youth" is now in general; "today's vote" is a day.
    check("Music shapes today's youth.", "2022-02-13", "");
    check("Turnout in today's vote was low.", "2022-02-13", "today=DATE:2022-02-13");
    // "the past" before a count is not the vague past ("the past three winters").
    check("Floods hit the valley in the past three winters.", "2022-02-13", "");
    check("Such floods belong to the past.", "2022-02-13", "the past=DATE:PAST_REF");
}

#[test]
fn anchored_to_the_text() {
    check(
        "Iraq invaded Kuwait on August 2, 1990. A day later, troops seized a base.",
        "2022-02-13",
        "August 2, 1990=DATE:1990-08-02
         A day later=DURATION:P1D",
    );
    check("In 1990, Iraq invaded Kuwait on August 2.", "2022-02-13", "1990=DATE:1990\nAugust 2=DATE:1990-08-02");
    check(
        "Profit rose in the third quarter. A year earlier it fell.",
        "1989-10-25",
        "the third quarter=DATE:1989-Q3
         A year earlier=DATE:1988-Q3",
    );
}

#[test]
fn without_a_document_date_relative_values_stay_open() {
    check(
        "He left yesterday and returns on Saturday; the talks of Feb. 12 failed.",
        "",
        "yesterday=DATE:-
         Saturday=DATE:XXXX-WXX-6
         Feb. 12=DATE:XXXX-02-12",
    );
}

#[test]
fn a_future_document_date_is_just_a_date() {
    check("The ministers met on Saturday.", "2999-12-31", "Saturday=DATE:2999-12-28");
}

#[test]
fn quantities_with_qualifiers_and_units() {
    assert_eq!(
        quantities("Egypt has massed more than 40,000 soldiers along the canal."),
        ["more than 40,000 soldiers=40000|soldiers|more than"]
    );
    assert_eq!(quantities("At least 12 people were killed."), ["At least 12 people=12|people|at least"]);
    assert_eq!(quantities("Police detained dozens of protesters."), ["dozens of protesters=24|protesters|dozens"]);
    assert_eq!(quantities("The package is worth $1.5 billion."), ["$1.5 billion=1500000000|USD|-"]);
    assert_eq!(quantities("The front is 2,000 km long."), ["2,000 km=2000|km|-"]);
    assert_eq!(
        quantities("Some 3,000 Russian soldiers and two tanks."),
        ["Some 3,000 Russian soldiers=3000|soldiers|about", "two tanks=2|tanks|-"]
    );
    assert_eq!(quantities("One of them said so."), Vec::<String>::new());
}

#[test]
fn hostile_input_never_panics() {
    let long_digits = "9".repeat(100_000);
    let cases = [
        "",
        " ",
        "\u{feff}Ünïcödé 日本 🎉 at 9:47",
        "99:99 am ET on February 31, 99999",
        "the the the the",
        "-",
        "$",
        "'",
        "Q",
        "on 00/00/0000 and 9999-99-99 and 12/31/9999",
        "at 12:60 pm and 25:00 GMT and 0:00 am",
        long_digits.as_str(),
        "one hundred thousand million billion trillion years ago",
        "9999999999999999 years ago and 1.7976931348623157e308 days",
        "every every every",
        "nearly",
        "more than",
        "early",
        "the end of",
    ];
    for text in cases {
        for date in ["", "0001-01-01", "9999-12-31", "2022-02-13"] {
            run(text, date);
            quantities(text);
        }
    }
}

#[test]
fn quarters_and_financial_frames() {
    check(
        "Third-quarter profit rose; a year ago the company lost money in the quarter.",
        "1989-10-26",
        "Third-quarter=DATE:1989-Q3
         a year ago=DATE:1988-Q3
         the quarter=DATE:1989-Q3",
    );
    check(
        "Sales in the fourth quarter of 1990 and the first half fell.",
        "1991-03-01",
        "the fourth quarter of 1990=DATE:1990-Q4\nthe first half=DATE:1991-H1",
    );
    check("Results for the year-earlier period were restated.", "1989-10-26", "the year-earlier period=DATE:1988");
}

#[test]
fn a_report_period_one_year_back_is_one_expression() {
    // The quarter (or, without one, the year) of the report, one year back, as one span.
    check(
        "The mill earned more in the second quarter. Margins were thinner than in the quarter a year earlier.",
        "2011-08-05",
        "the second quarter=DATE:2011-Q2
         the quarter a year earlier=DATE:2010-Q2",
    );
    check(
        "Orders in the third quarter beat the corresponding period last year.",
        "2011-10-20",
        "the third quarter=DATE:2011-Q3
         the corresponding period last year=DATE:2010-Q3",
    );
    check(
        "Tolls were flat against the same period of last year.",
        "2011-10-20",
        "the same period of last year=DATE:2010",
    );
    // "last year's quarter", "next year's first half": a part of that year.
    check(
        "Exports in the fourth quarter topped last year's quarter, and next year's first half looks weaker.",
        "2012-01-30",
        "the fourth quarter=DATE:2011-Q4
         last year's quarter=DATE:2010-Q4
         next year's first half=DATE:2013-H1",
    );
    check("Last year's third-quarter loss was larger.", "2012-01-30", "Last year's third-quarter=DATE:2011-Q3");
    // Only a quarter or period makes the phrase one expression.
    check("The pier was rebuilt last year.", "2012-01-30", "last year=DATE:2011");
}

#[test]
fn a_quarter_named_in_the_sentence_frames_a_year_earlier() {
    // The report opened on its fiscal first quarter; a later sentence names its own.
    check(
        "The fiscal first quarter was strong. A rival reported third-quarter sales up 5% from a year earlier.",
        "2011-10-20",
        "The fiscal first quarter=DATE:2011-Q1
         third-quarter=DATE:2011-Q3
         a year earlier=DATE:2010-Q3",
    );
}

#[test]
fn spoken_years_decades_and_holidays() {
    check(
        "It was built in nineteen ninety-six and sold in the 1980s.",
        "1998-01-01",
        "nineteen ninety-six=DATE:1996\nthe 1980s=DATE:198",
    );
    check(
        "Shops were busy before Christmas and on Thanksgiving Day.",
        "1999-12-01",
        "Christmas=DATE:1999-12-25\nThanksgiving Day=DATE:1999-11-25",
    );
}

#[test]
fn sentences_from_dyad_text_are_used() {
    // With sentence spans given, tense is read inside the sentence only.
    let text = "They will talk. The envoy left on Monday.";
    let mut doc = Document::new("t", text).unwrap();
    doc.meta.published = Some(Published::parse("2022-02-13").unwrap());
    doc.sentences = vec![
        dyad_core::Sentence { span: dyad_core::Span::new(0, 15), tokens: 0..0, boilerplate: false },
        dyad_core::Sentence { span: dyad_core::Span::new(16, 41), tokens: 0..0, boilerplate: false },
    ];
    crate::annotate(&mut doc);
    assert_eq!(doc.timexes[0].value.as_deref(), Some("2022-02-07"));
    assert!(doc.layers.contains(dyad_core::Layer::Timexes) && doc.layers.contains(dyad_core::Layer::Quantities));
}

#[test]
fn weekdays_read_the_clause_not_just_the_nearest_verb() {
    // 2022-02-16 is a Wednesday.
    // An infinitive or a plan puts the day ahead, even after a past-tense verb.
    check("The talks, which stalled, are set to resume Friday.", "2022-02-16", "Friday=DATE:2022-02-18");
    check("The delegation planned to fly home on Monday.", "2022-02-16", "Monday=DATE:2022-02-21");
    check("Observers said the group plans to march Saturday.", "2022-02-16", "Saturday=DATE:2022-02-19");
    check("The deadline was moved until Friday.", "2022-02-16", "Friday=DATE:2022-02-18");
    check("Aid could arrive as soon as Thursday, the agency said.", "2022-02-16", "Thursday=DATE:2022-02-17");
    // The nearest marker on the left wins over one further right.
    check("Rebels shelled the town Monday, and officials will visit it.", "2022-02-16", "Monday=DATE:2022-02-14");
    // A weekday that names something already done: "Tuesday's vote".
    check("Both camps said they would contest Tuesday's vote.", "2022-02-16", "Tuesday=DATE:2022-02-15");
    // "Until Monday" opening a past-tense sentence looks back.
    check("Until Monday, the ministry had denied any talks.", "2022-02-16", "Monday=DATE:2022-02-14");
    // A passive participle takes the tense of its auxiliary.
    check("The new border rules will be published Friday.", "2022-02-16", "Friday=DATE:2022-02-18");
    // A participle after a determiner is an adjective, not a past tense: a bare month
    // in the story's past months is then next year's.
    check("The bonus is payable on a still unspecified date in January.", "2021-10-20", "January=DATE:2022-01");
    check("The bonus was paid on an agreed date in January.", "2021-10-20", "January=DATE:2021-01");
    // "plans", "aims" as nouns point nowhere: the clause is in the past.
    check(
        "On Monday, when the minister set aside travel plans, the ban ended.",
        "2022-02-16",
        "Monday=DATE:2022-02-14",
    );
    check("On Monday, the group's aims shifted.", "2022-02-16", "Monday=DATE:2022-02-14");
}

#[test]
fn weekday_with_its_date_is_one_expression() {
    check("The council met on Tuesday, March 8, to vote.", "2022-03-10", "Tuesday, March 8=DATE:2022-03-08");
    check("Voting ends Sunday 3 April 2022.", "2022-03-10", "Sunday 3 April 2022=DATE:2022-04-03");
}

#[test]
fn a_weekday_night_is_dated_by_its_day() {
    check("Drones struck the depot Tuesday night.", "2022-02-16", "Tuesday night=DATE:2022-02-15");
    // Other parts of the day keep their TIMEX3 code.
    check("Drones struck the depot Tuesday morning.", "2022-02-16", "Tuesday morning=TIME:2022-02-15TMO");
}

#[test]
fn months_take_their_year_from_the_clause() {
    // A past-tense clause never moves a month into next year.
    check("The governor resigned in March over the scandal.", "2021-11-20", "March=DATE:2021-03");
    check("The company sold its stake in February.", "2021-11-20", "February=DATE:2021-02");
    // Without a tense the old rule stands: a month far behind is next year's.
    check("Elections in March.", "2021-11-20", "March=DATE:2022-03");
    // "last February" said in March is a year back.
    check("The port was closed last February.", "2022-03-05", "last February=DATE:2021-02");
    check("The port was closed last October.", "2022-03-05", "last October=DATE:2021-10");
    check("The port was closed last January.", "2022-03-05", "last January=DATE:2022-01");
}

#[test]
fn dates_with_a_year_phrase_or_a_spoken_year() {
    check("The treaty was ratified in May this year.", "2022-11-02", "May this year=DATE:2022-05");
    check("A summit is planned for April next year.", "2022-11-02", "April next year=DATE:2023-04");
    check("The vote is due on June 5 next year.", "2022-11-02", "June 5 next year=DATE:2023-06-05");
    check(
        "The mine closed in October nineteen eighty-four.",
        "1998-01-01",
        "October nineteen eighty-four=DATE:1984-10",
    );
    check("Prices peaked in the winter of 1984.", "1998-01-01", "the winter of 1984=DATE:1984-WI");
    check("The trial opens the week of March 7.", "2022-02-20", "the week of March 7=DATE:2022-W10");
}

#[test]
fn the_year_is_a_date_unless_a_report_closes_it() {
    check(
        "Output fell in the first half of the year.",
        "2022-10-05",
        "the first half=DATE:2022-H1\nthe year=DATE:2022",
    );
    check("Costs will rise by the end of the year.", "2022-10-05", "the end of the year=DATE:2022:END");
    check(
        "The firm lost money for the year ended June 30.",
        "2022-10-05",
        "the year=DURATION:P1Y\nJune 30=DATE:2022-06-30",
    );
    check("It expects growth for the fiscal year.", "2022-10-05", "the fiscal year=DATE:2022");
    check("Analysts cut forecasts for the full year.", "2022-10-05", "the full year=DATE:2022");
}

#[test]
fn ages_and_vague_stretches() {
    check("The minister, 61 years old, resigned.", "2022-10-05", "");
    check("Exports have shrunk over the past few months.", "2022-10-05", "the past few months=DATE:PAST_REF");
    check("Exports have shrunk over the past three months.", "2022-10-05", "the past three months=DURATION:P3M");
}

#[test]
fn a_clock_time_takes_the_day_after_its_parenthesis() {
    // 2022-04-09 is a Saturday; the blast was on Friday.
    check(
        "The blast came at 10:20 a.m. (0720 GMT) Friday near the station.",
        "2022-04-09",
        "10:20 a.m.=TIME:2022-04-08T10:20
         0720 GMT=TIME:2022-04-08T07:20Z
         Friday=DATE:2022-04-08",
    );
}

#[test]
fn a_report_keeps_the_quarter_it_opened_with() {
    check(
        "Third-quarter profit rose. A flat second quarter had hurt. Costs were lower than a year ago.",
        "1989-10-26",
        "Third-quarter=DATE:1989-Q3
         second quarter=DATE:1989-Q2
         a year ago=DATE:1988-Q3",
    );
}

#[test]
fn unhyphenated_adjectives_centuries_and_decade_words() {
    check("Farmers began a three day strike.", "2022-10-05", "three day=DURATION:P3D");
    check("The lira hit a ten year low.", "2022-10-05", "ten year=DURATION:P10Y");
    check("It was the worst war of the 20th century.", "2022-10-05", "the 20th century=DATE:19");
    check("Crime rose through the eighties.", "1998-01-01", "the eighties=DATE:198");
}

#[test]
fn year_end_and_that_year() {
    check("The merger should close by year-end.", "2022-10-05", "year-end=DATE:2022:END");
    check("Rates will peak at year end.", "2022-10-05", "year end=DATE:2022:END");
    check("The plant opened in 2015. Output doubled that year.", "2022-10-05", "2015=DATE:2015\nthat year=DATE:2015");
    // Without an earlier date "that year" is left alone.
    check("Output doubled that year.", "2022-10-05", "");
}

#[test]
fn parts_of_day_with_a_modifier_and_the_near_term() {
    check("By mid-afternoon the streets were empty.", "2022-10-05", "mid-afternoon=TIME:2022-10-05TAF:MID");
    check("Sirens sounded early morning yesterday.", "2022-10-05", "early morning yesterday=TIME:2022-10-04TMO:START");
    check(
        "No change is expected in the near term or in the near future.",
        "2022-10-05",
        "the near term=DATE:FUTURE_REF\nthe near future=DATE:FUTURE_REF",
    );
}

#[test]
fn a_second_day_takes_the_month_of_the_first() {
    check("The summit is on June 28 and 29 in Madrid.", "2022-06-01", "June 28=DATE:2022-06-28\n29=DATE:2022-06-29");
    check("Talks ran March 3-4, 2021.", "2022-06-01", "March 3=DATE:2021-03-03\n4, 2021=DATE:2021-03-04");
    // Not a day: "June 28 and 29 percent".
    check("Prices rose on June 28 and 29 percent of them fell.", "2022-06-01", "June 28=DATE:2022-06-28");
    check("Profit in the 1988 quarter fell.", "1989-10-30", "the 1988 quarter=DATE:1988-Q3");
}

#[test]
fn a_wire_dateline_dates_the_story() {
    // Filed on Thursday 2022-03-10, published on Friday.
    check(
        "KHARKIV, March 10 (Wire) -- Shelling resumed today after a lull on Wednesday.",
        "2022-03-11",
        "March 10=DATE:2022-03-10\ntoday=DATE:2022-03-10\nWednesday=DATE:2022-03-09",
    );
    // A dateline far from the publication date is only a date.
    check(
        "KHARKIV, Feb. 1 (Wire) -- Shelling resumed today.",
        "2022-03-11",
        "Feb. 1=DATE:2022-02-01\ntoday=DATE:2022-03-11",
    );
}

#[test]
fn one_word_durations_and_spelled_out_amounts() {
    check("A weeklong truce began.", "2022-03-11", "weeklong=DURATION:P1W");
    check("Crews worked for minutes, then a half hour.", "", "minutes=DURATION:PTXM\na half hour=DURATION:PT30M");
    check("Exports grew for the first time in years.", "", "years=DURATION:PXY");
    check("The dynasty ruled for almost a hundred years.", "", "almost a hundred years=DURATION:P100Y:APPROX");
}

#[test]
fn that_day_needs_a_day_before_it() {
    check(
        "Shelling began on March 3. That day, the mayor fled.",
        "2022-06-01",
        "March 3=DATE:2022-03-03\nThat day=DATE:2022-03-03",
    );
    // After a year, "that day" is any day: no expression.
    check("Prices rose in 2014. Traders sold that day.", "2022-06-01", "2014=DATE:2014");
}

#[test]
fn a_unit_and_a_half() {
    check("The call lasted a minute and a half.", "", "a minute and a half=DURATION:PT1.5M");
    check("The call lasted a minute and a half.", "2022-02-13", "a minute and a half=DURATION:PT1.5M");
    check("Crews waited a minute-and-a-half at the gate.", "", "a minute-and-a-half=DURATION:PT1.5M");
    check("The flash lasted a second and a half.", "", "a second and a half=DURATION:PT1.5S");
    check("Talks ran a year and a half.", "", "a year and a half=DURATION:P1Y6M");
    check("Talks ran an hour and a half.", "", "an hour and a half=DURATION:PT1H30M");
    check("They met one and a half hours.", "", "one and a half hours=DURATION:PT1H30M");
}

#[test]
fn a_rate_is_no_duration() {
    check("The bonds pay $2.40 a year, and the line adds 500 berths a week.", "2022-02-13", "");
    check("The plan saves $30 million a year.", "2022-02-13", "");
    check("The ferry runs twice a week; the pass costs $9 a day.", "2022-02-13", "twice a week=SET:P1W");
    // Not after a year, and not before "earlier".
    check("In 2021 a year of drought began.", "2022-02-13", "2021=DATE:2021\na year=DURATION:P1Y");
    check("Sales rose to $8 million from $6 million a year earlier.", "2022-02-13", "a year earlier=DATE:2021");
}

#[test]
fn a_past_year_does_not_date_what_is_to_come() {
    check(
        "The states, admitted in June 2019, will sign the pact on May 4 in Oslo.",
        "2022-02-13",
        "June 2019=DATE:2019-06\nMay 4=DATE:2022-05-04",
    );
    check("In 2019 the states signed the pact on May 4.", "2022-02-13", "2019=DATE:2019\nMay 4=DATE:2019-05-04");
}

#[test]
fn a_year_frames_its_clause_only_when_it_opens_it() {
    check(
        "Under a plan adopted in 2019 that set no cap, the firm had bought 9,000 shares through Sept. 30.",
        "2022-10-20",
        "2019=DATE:2019\nSept. 30=DATE:2022-09-30",
    );
    check(
        "Rates were cut twice. In 2020, the bank cut them on March 15.",
        "2022-10-20",
        "2020=DATE:2020\nMarch 15=DATE:2020-03-15",
    );
}

#[test]
fn now_with_a_comma_opening_its_sentence_is_a_discourse_marker() {
    check("Now, the minister says, the talks are over.", "2022-02-13", "");
    check("\"Now, we wait,\" she said.", "2022-02-13", "");
    check("Now the talks are over.", "2022-02-13", "Now=DATE:PRESENT_REF");
    check("The talks are over now, she said.", "2022-02-13", "now=DATE:PRESENT_REF");
}

#[test]
fn a_year_before_its_noun() {
    check("Leaders of the 2011 protests were jailed.", "2022-02-13", "2011=DATE:2011");
    check("The post-2008 rules were stricter than pre-2000 ones.", "2022-02-13", "2008=DATE:2008\n2000=DATE:2000");
    // A count is no year: "2022 troops" without "the".
    check("Officials sent 2022 troops.", "2022-02-13", "");
}

#[test]
fn the_weeks_ahead_are_a_vague_duration() {
    check(
        "Funds may sell bonds in the weeks ahead, and prices could fall in the years to come.",
        "2022-02-13",
        "the weeks ahead=DURATION:PXW\nthe years to come=DURATION:PXY",
    );
}

#[test]
fn a_count_with_an_adjective_before_its_unit() {
    check(
        "Profit rose for four consecutive quarters and sales for three straight months.",
        "2022-02-13",
        "four consecutive quarters=DURATION:P12M\nthree straight months=DURATION:P3M",
    );
    check("The crew waited two full days.", "", "two full days=DURATION:P2D");
    check("The siege lasted three-and-a-half years.", "", "three-and-a-half years=DURATION:P3Y6M");
    check("The feud spans a quarter century.", "", "a quarter century=DURATION:P25Y");
}

#[test]
fn an_adjective_after_a_or_an_is_inside_the_window() {
    // The unit is the only anchor word: the window must grow back over the adjective to
    // reach the "a" (it used to stop there, so only the full scan found these).
    check(
        "The mayor wants the curfew kept for a further week, and the landlord granted the tenants an extra month.",
        "2023-05-10",
        "a further week=DURATION:P1W\nan extra month=DURATION:P1M",
    );
    check(
        "Talks stalled again on Monday. Officials then asked the court for An Additional Year.",
        "",
        "Monday=DATE:XXXX-WXX-1\nAn Additional Year=DURATION:P1Y",
    );
}

#[test]
fn days_later_are_a_duration_anchored_to_the_last_date() {
    // As in TimeML: "later"/"earlier" signal a measure; the date it gives is an anchor.
    let text =
        "The talks opened on Oct. 2, 2021. Three days later, both envoys left. An hour earlier, a deal fell apart.";
    check(
        text,
        "2022-02-13",
        "Oct. 2, 2021=DATE:2021-10-02\nThree days later=DURATION:P3D\nAn hour earlier=DURATION:PT1H",
    );
    let mut doc = Document::new("t", text).unwrap();
    doc.meta.published = Some(Published::parse("2022-02-13").unwrap());
    dyad_text::annotate(&mut doc);
    crate::annotate(&mut doc);
    let a = crate::duration_anchors(&doc);
    assert_eq!(a.len(), 2);
    assert_eq!((a[0].relation, a[0].value.as_deref()), (crate::AnchorRelation::Later, Some("2021-10-05")));
    assert_eq!(a[1].relation, crate::AnchorRelation::Earlier);
    // "a year earlier" stays a date: in a report it is the year (or quarter) compared.
    check("Sales rose 5% from a year earlier.", "2022-02-13", "a year earlier=DATE:2021");
}

#[test]
fn then_current_is_past() {
    check("Holders may buy shares at half the then current price.", "2022-02-13", "current=DATE:PAST_REF");
    check(
        "The then-current chief resigned; the current one stays.",
        "2022-02-13",
        "current=DATE:PAST_REF\ncurrent=DATE:PRESENT_REF",
    );
}

#[test]
fn earlier_this_week_leaves_the_adverb_out() {
    check(
        "The envoy wrote earlier this week; later Tuesday he flew home. Earlier this month, talks failed.",
        "2022-02-17",
        "this week=DATE:2022-W07\nTuesday=DATE:2022-02-15\nEarlier this month=DATE:2022-02:START",
    );
}

#[test]
fn soon_after_a_modal_is_the_future() {
    check(
        "Regulators may soon approve the merger, and the bank expects rates to soon fall.",
        "2022-02-13",
        "soon=DATE:FUTURE_REF\nsoon=DATE:FUTURE_REF",
    );
    check("The firm soon will open a plant.", "2022-02-13", "soon=DATE:FUTURE_REF");
    check(
        "He was soon freed, and as soon as talks began, soon after noon, we left.",
        "2022-02-13",
        "noon=TIME:2022-02-13T12:00",
    );
}

#[test]
fn more_holidays() {
    check(
        "Ads will run from now to Election Day; the last spot airs on Halloween.",
        "1998-10-26",
        "now=DATE:PRESENT_REF\nElection Day=DATE:1998-11-03\nHalloween=DATE:1998-10-31",
    );
    check("Roses sold out before Valentine's Day.", "2022-02-10", "Valentine's Day=DATE:2022-02-14");
    // Not the noun alone.
    check("The election board met.", "2022-02-10", "");
}

#[test]
fn a_month_before_its_noun_leaves_the_article_out() {
    check(
        "The March vote and the May summit were set; the October attack was not.",
        "2022-02-13",
        "March=DATE:2022-03\nMay=DATE:2022-05\nOctober=DATE:2021-10",
    );
}

#[test]
fn a_fraction_of_a_unit_ago() {
    check(
        "The plant closed two and a half years ago; the line went dead a minute and a half ago.",
        "2022-02-13",
        "two and a half years ago=DATE:2019-08\na minute and a half ago=DATE:2022-02-13",
    );
    check(
        "About a minute and a half later, it rang.",
        "2022-02-13",
        "About a minute and a half later=DURATION:PT1.5M:APPROX",
    );
}

#[test]
fn spoken_clock_times() {
    check(
        "The vote opened at 8 o'clock this morning and closed at 4 in the afternoon.",
        "2022-02-13",
        "8 o'clock this morning=TIME:2022-02-13T08:00\n4 in the afternoon=TIME:2022-02-13T16:00",
    );
    check(
        "Guards change at half past two and again at a quarter to six.",
        "2022-02-13",
        "half past two=TIME:2022-02-13T02:30\na quarter to six=TIME:2022-02-13T05:45",
    );
    check("The rally ended at 9:30 this evening.", "2022-02-13", "9:30 this evening=TIME:2022-02-13T21:30");
}

#[test]
fn a_clock_time_takes_the_day_after_on() {
    check(
        "Earnings for the year ended June 30, 2021 rose. The offer expires at 5 p.m. on Nov. 22.",
        "2021-10-26",
        "the year=DURATION:P1Y\nJune 30, 2021=DATE:2021-06-30\n5 p.m.=TIME:2021-11-22T17:00\nNov. 22=DATE:2021-11-22",
    );
}

#[test]
fn an_ordinal_day_of_a_month() {
    check(
        "The rule takes effect on the first of March; rent is due on the 15th of next month.",
        "2022-02-13",
        "the first of March=DATE:2022-03-01\nthe 15th of next month=DATE:2022-03-15",
    );
    check("It was the first of many talks.", "2022-02-13", "");
}

#[test]
fn this_past_is_the_one_just_gone() {
    check(
        "The unit was sold this past spring, and shares fell this past week.",
        "1989-10-26",
        "this past spring=DATE:1989-SP\nthis past week=DATE:1989-W42",
    );
}
