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

/// Width of the picture (its `viewBox`; the page scales it to fit).
pub(super) const WIDTH: f64 = 1200.0;
/// Room left of the plot (the first tick's label), and right of it (the case axis).
pub(super) const MARGIN_LEFT: f64 = 40.0;
pub(super) const MARGIN_RIGHT: f64 = 80.0;
/// Font sizes, and the width of an average character at each, for laying out text.
pub(super) const FONT_SIZE: f64 = 12.0;
pub(super) const CHAR_WIDTH: f64 = 6.8;
pub(super) const NUMBER_FONT_SIZE: f64 = 10.0;
pub(super) const NUMBER_CHAR_WIDTH: f64 = 6.2;
/// The legend: top, row height, swatch size, space after an item.
pub(super) const LEGEND_TOP: f64 = 10.0;
pub(super) const LEGEND_ROW: f64 = 22.0;
pub(super) const LEGEND_SWATCH: f64 = 12.0;
pub(super) const LEGEND_GAP: f64 = 22.0;
/// Space between the legend and the plot.
pub(super) const LEGEND_BOTTOM: f64 = 12.0;
/// Lanes: height, marker radius, bar height, length of an open bound's arrow, the smallest
/// horizontal gap between two things in one lane, and the gap before a number.
pub(super) const LANE_HEIGHT: f64 = 24.0;
pub(super) const MARKER_RADIUS: f64 = 6.0;
pub(super) const BAR_HEIGHT: f64 = 10.0;
pub(super) const TAIL: f64 = 16.0;
pub(super) const LANE_GAP: f64 = 6.0;
pub(super) const NUMBER_GAP: f64 = 3.0;
/// Padding inside the plot, above the first lane and below the last.
pub(super) const PLOT_PADDING: f64 = 12.0;
/// Height of the band under the lanes that carries the case line (padding included).
pub(super) const SERIES_HEIGHT: f64 = 150.0;
/// Room at the top of that band for the axis title.
pub(super) const SERIES_TITLE: f64 = 24.0;
/// The smallest space between two tick labels on the date axis.
pub(super) const TICK_LABEL_GAP: f64 = 36.0;
/// Tick length, and the baselines of the tick labels and of the year row below the axis.
pub(super) const TICK_LENGTH: f64 = 5.0;
pub(super) const TICK_LABEL_Y: f64 = 19.0;
pub(super) const YEAR_LABEL_Y: f64 = 35.0;
pub(super) const AXIS_BOTTOM: f64 = 46.0;

/// English month abbreviations for tick labels.
pub(super) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The page's style sheet; `.k-<kind id>` color rules are appended from [`kind_color`].
pub(super) const STYLE: &str = "\
body{margin:24px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1f2937;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px}
.meta{color:#6b7280;margin:0 0 16px}
.chart{width:100%;max-width:1200px;height:auto;display:block}
.chart text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
.chart a:hover circle,.chart a:hover rect{stroke:#111827;stroke-width:2}
table{border-collapse:collapse;width:100%;max-width:1200px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.num,td.when{white-space:nowrap}
td.num{color:#6b7280;text-align:right}
tr:target{background:#fef9c3}
.kind{display:inline-block;margin:0 4px 2px 0;padding:0 6px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
.inherited{color:#4b5563}
.measures{display:block;color:#4b5563;font-size:12px}
td.evidence{white-space:nowrap;color:#4b5563}
.empty{color:#6b7280;font-style:italic}
footer{margin-top:24px;color:#9ca3af;font-size:12px}
";
