//! Palette and layout: every color and size of the page is set here.

use crate::event::kinds::EventKind;

/// The color of an event kind: its markers, bars, legend swatch and table chips.
/// Containment measures are warm, economic ones green, health ones blue, counts red, black
/// and light green.
///
/// ```
/// use khronika::EventKind;
/// use khronika::export::html::kind_color;
/// assert_eq!(kind_color(EventKind::Cases), "#e11d48");
/// ```
pub fn kind_color(kind: EventKind) -> &'static str {
    match kind {
        EventKind::SchoolClosing => "#f97316",
        EventKind::WorkplaceClosing => "#b91c1c",
        EventKind::PublicEvents => "#db2777",
        EventKind::Gatherings => "#a21caf",
        EventKind::PublicTransport => "#ca8a04",
        EventKind::StayAtHome => "#7c2d12",
        EventKind::InternalMovement => "#a16207",
        EventKind::InternationalTravel => "#7c3aed",
        EventKind::IncomeSupport => "#16a34a",
        EventKind::DebtRelief => "#65a30d",
        EventKind::FiscalMeasures => "#0f766e",
        EventKind::PublicInformation => "#0ea5e9",
        EventKind::Testing => "#2563eb",
        EventKind::ContactTracing => "#4338ca",
        EventKind::FacialCoverings => "#06b6d4",
        EventKind::Vaccination => "#10b981",
        EventKind::ElderlyProtection => "#1e3a8a",
        EventKind::StateOfEmergency => "#450a0a",
        EventKind::Quarantine => "#9a3412",
        EventKind::PublicServices => "#64748b",
        EventKind::Cases => "#e11d48",
        EventKind::Deaths => "#111827",
        EventKind::Recoveries => "#4ade80",
        EventKind::Other => "#9ca3af",
    }
}

/// The case-count line and its axis.
pub(super) const SERIES_COLOR: &str = "#e11d48";
/// Text, axis lines, grid lines, the plot background.
pub(super) const TEXT_COLOR: &str = "#1f2937";
pub(super) const MUTED_COLOR: &str = "#6b7280";
pub(super) const AXIS_COLOR: &str = "#9ca3af";
pub(super) const GRID_COLOR: &str = "#e5e7eb";
pub(super) const PLOT_BACKGROUND: &str = "#f9fafb";

/// Width of the picture (its `viewBox`; the page scales it down to fit a narrower window).
/// It does not grow with the events: the page's script zooms into it.
pub(super) const WIDTH: f64 = 1400.0;
/// Room left of the plot (the lanes' titles), and right of it.
pub(super) const MARGIN_LEFT: f64 = 200.0;
pub(super) const MARGIN_RIGHT: f64 = 16.0;
/// Padding inside the plot's viewport left of the first day and right of the last, so that
/// a mark at an edge stays whole.
pub(super) const PLOT_PAD: f64 = 12.0;
/// Font sizes, and the width of an average character at each, for laying out text.
pub(super) const FONT_SIZE: f64 = 12.0;
pub(super) const CHAR_WIDTH: f64 = 6.8;
pub(super) const NUMBER_FONT_SIZE: f64 = 10.0;
/// A mark's label (`quarantine · Алматы`): its font size and the width of a character.
pub(super) const LABEL_FONT_SIZE: f64 = 10.0;
pub(super) const LABEL_CHAR_WIDTH: f64 = 6.0;
/// The legend: top, row height, swatch size, space after an item.
pub(super) const LEGEND_TOP: f64 = 8.0;
pub(super) const LEGEND_ROW: f64 = 22.0;
pub(super) const LEGEND_SWATCH: f64 = 12.0;
pub(super) const LEGEND_GAP: f64 = 22.0;
/// Space between the legend and the first lane.
pub(super) const LEGEND_BOTTOM: f64 = 8.0;
/// A lane (one per kind): padding above and below, the height of a row of marks, and the
/// most rows of marks it has.
pub(super) const LANE_PAD: f64 = 4.0;
pub(super) const ROW_HEIGHT: f64 = 20.0;
pub(super) const LANE_ROWS: usize = 2;
/// The bars of events that cover several days, above a lane's marks: how many tracks, their
/// thickness and the space between them.
pub(super) const BAR_TRACKS: usize = 2;
pub(super) const BAR_HEIGHT: f64 = 5.0;
pub(super) const BAR_GAP: f64 = 2.0;
/// Marks: the radius of one event's, the radius of a day's count (`count_radius`), the
/// length of an open bound's arrow, the smallest horizontal gap between two things in a
/// row, and the gap before a label.
pub(super) const MARKER_RADIUS: f64 = 5.5;
pub(super) const TAIL: f64 = 12.0;
pub(super) const MARK_GAP: f64 = 4.0;
pub(super) const LABEL_GAP: f64 = 3.0;
/// A lane's day with this many events or more is drawn as one mark with their count.
pub(super) const AGGREGATE_AT: usize = 3;
/// The most the script zooms in: until a day is this wide.
pub(super) const MAX_DAY_WIDTH: f64 = 160.0;
/// The most ticks a tick group has (finer groups of a long axis are left out).
pub(super) const MAX_TICKS: usize = 4000;
/// The smallest space between two tick labels on the date axis.
pub(super) const TICK_LABEL_GAP: f64 = 36.0;
/// Tick length, the baselines of the tick labels and of the year row below the axis, the
/// room a year label needs, and the room under the axis.
pub(super) const TICK_LENGTH: f64 = 5.0;
pub(super) const TICK_LABEL_Y: f64 = 19.0;
pub(super) const YEAR_LABEL_Y: f64 = 34.0;
pub(super) const YEAR_LABEL_ROOM: f64 = 40.0;
pub(super) const AXIS_BOTTOM: f64 = 44.0;
/// The axis range: how far past the 5th and 95th percentiles of the event days it reaches,
/// as a share of the distance between them, how far past the quartiles, as a share of
/// theirs, and at least how many days.
pub(super) const MARGIN_SHARE: f64 = 0.25;
pub(super) const FENCE_SHARE: f64 = 1.5;
pub(super) const MIN_MARGIN_DAYS: i64 = 31;
/// A place's case chart: its size and the room for its axes.
pub(super) const SERIES_WIDTH: f64 = 420.0;
pub(super) const SERIES_HEIGHT: f64 = 120.0;
pub(super) const SERIES_LEFT: f64 = 52.0;
pub(super) const SERIES_RIGHT: f64 = 12.0;
pub(super) const SERIES_TOP: f64 = 10.0;
pub(super) const SERIES_BOTTOM: f64 = 22.0;
/// How many of a day's events its mark's tooltip lists, and how much of each sentence.
pub(super) const TOOLTIP_EVENTS: usize = 8;
pub(super) const TOOLTIP_CHARS: usize = 100;

/// English month abbreviations for tick labels.
pub(super) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The page's style sheet; `.k-<kind id>` color rules are appended from [`kind_color`].
pub(super) const STYLE: &str = "\
[hidden]{display:none!important}
body{margin:24px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1f2937;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px}
.meta{color:#6b7280;margin:0 0 12px}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;max-width:1400px;margin:0 0 8px;font-size:13px}
.controls fieldset{border:1px solid #e5e7eb;border-radius:6px;margin:0;padding:4px 10px 8px;min-width:0}
.controls legend{font-weight:600;padding:0 4px}
.controls button{font:inherit;font-size:12px;margin:0 6px 4px 0;padding:0 8px;border:1px solid #d1d5db;border-radius:4px;background:#f9fafb;cursor:pointer}
.controls .list{display:flex;flex-wrap:wrap;gap:2px 12px;max-height:7.5em;overflow-y:auto}
.controls fieldset.kinds,.controls fieldset.places{flex:1 1 420px}
.controls label{white-space:nowrap;cursor:pointer}
.controls .n,.controls .code{color:#6b7280;font-size:12px}
.controls .sw{display:inline-block;width:10px;height:10px;border-radius:5px;margin:0 4px 0 2px}
.controls input[type=range]{width:200px;vertical-align:middle}
.controls output{margin-left:8px;font-variant-numeric:tabular-nums}
.controls .hint{margin:2px 0 0;color:#9ca3af;font-size:12px}
#shown{flex-basis:100%;margin:0}
.chart{width:100%;max-width:1400px;height:auto;display:block;touch-action:pan-y;user-select:none}
.chart text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
.chart a:hover circle,.chart a:hover rect{stroke:#111827;stroke-width:2}
.cases{display:flex;flex-wrap:wrap;gap:12px 20px;max-width:1400px}
figure.place{margin:0}
figure.place figcaption{font-size:13px;color:#374151}
figure.place svg{display:block;width:420px;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;max-width:1400px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.num,td.when,td.why{white-space:nowrap}
td.num{color:#6b7280;text-align:right}
table.outside{max-width:1100px;font-size:13px}
tr:target{background:#fef9c3}
.kind{display:inline-block;margin:0 4px 2px 0;padding:0 6px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
.inherited{color:#4b5563}
.measures{display:block;color:#4b5563;font-size:12px}
td.evidence{white-space:nowrap;color:#4b5563}
.empty{color:#6b7280;font-style:italic}
summary{cursor:pointer;color:#4b5563}
footer{margin-top:24px;color:#9ca3af;font-size:12px}
";
