//! Kazakhstan: the country, its regions and its cities.
//!
//! Codes follow ISO 3166-2:KZ as the ISO 3166 Maintenance Agency changed it in November 2022
//! (Online Browsing Platform): two-digit codes (`KZ-75` Almaty, `KZ-71` Astana, `KZ-79`
//! Shymkent, `KZ-19` Almaty Region, ...) in place of the letter codes of the earlier
//! revisions (`KZ-ALA`, `KZ-AST`, `KZ-SHY` added in 2020, `KZ-ALM`, ...), and the three
//! regions created in 2022: Abai `KZ-10`, Jetisu `KZ-33`, Ulytau `KZ-62`. Only that revision
//! codes the 2022 regions, so it is the one a user can join every region on. The three
//! cities of republican significance are regions of their own; any other city carries the
//! code of the region it lies in, as the regions stand since 2022 (`Семей` → Abai `KZ-10`,
//! `Талдыкорган` → Jetisu `KZ-33`, `Жезказган` → Ulytau `KZ-62`; `Байконур`, leased to Russia,
//! → Kyzylorda Region `KZ-43`).

use super::*;

/// The rows.
#[rustfmt::skip]
pub(super) const ROWS: &[Row] = &[
    p("Казахстан", M, N, "KZ", "KAZ"),
    a("РК", IND, "Казахстан", N, "KZ", "KAZ"),
    p("Акмолинская область", OBL, R, "KZ", "KZ-11"),
    p("Актюбинская область", OBL, R, "KZ", "KZ-15"),
    p("Алматинская область", OBL, R, "KZ", "KZ-19"),
    p("Атырауская область", OBL, R, "KZ", "KZ-23"),
    p("Восточно-Казахстанская область", OBL, R, "KZ", "KZ-63"),
    a("ВКО", IND, "Восточно-Казахстанская область", R, "KZ", "KZ-63"),
    p("Жамбылская область", OBL, R, "KZ", "KZ-31"),
    p("Западно-Казахстанская область", OBL, R, "KZ", "KZ-27"),
    a("ЗКО", IND, "Западно-Казахстанская область", R, "KZ", "KZ-27"),
    p("Карагандинская область", OBL, R, "KZ", "KZ-35"),
    p("Костанайская область", OBL, R, "KZ", "KZ-39"),
    p("Кызылординская область", OBL, R, "KZ", "KZ-43"),
    p("Мангистауская область", OBL, R, "KZ", "KZ-47"),
    a("Мангыстауская область", OBL, "Мангистауская область", R, "KZ", "KZ-47"),
    p("Павлодарская область", OBL, R, "KZ", "KZ-55"),
    p("Северо-Казахстанская область", OBL, R, "KZ", "KZ-59"),
    a("СКО", IND, "Северо-Казахстанская область", R, "KZ", "KZ-59"),
    p("Туркестанская область", OBL, R, "KZ", "KZ-61"),
    a("Южно-Казахстанская область", OBL, "Туркестанская область", R, "KZ", "KZ-61"),
    a("ЮКО", IND, "Туркестанская область", R, "KZ", "KZ-61"),
    p("Абайская область", OBL, R, "KZ", "KZ-10"),
    p("Жетысуская область", OBL, R, "KZ", "KZ-33"),
    p("Улытауская область", OBL, R, "KZ", "KZ-62"),
    p("Нур-Султан", M, C, "KZ", "KZ-71").capital(),
    a("Астана", FA, "Нур-Султан", C, "KZ", "KZ-71"),
    p("Алматы", IND, C, "KZ", "KZ-75"),
    a("Алма-Ата", FA, "Алматы", C, "KZ", "KZ-75"),
    p("Шымкент", M, C, "KZ", "KZ-79"),
    a("Чимкент", M, "Шымкент", C, "KZ", "KZ-79"),
    p("Караганда", FA, C, "KZ", "KZ-35"),
    p("Актобе", IND, C, "KZ", "KZ-15"),
    p("Тараз", M, C, "KZ", "KZ-31"),
    p("Павлодар", M, C, "KZ", "KZ-55"),
    p("Усть-Каменогорск", M, C, "KZ", "KZ-63"),
    a("Оскемен", M, "Усть-Каменогорск", C, "KZ", "KZ-63"),
    p("Семей", MJ, C, "KZ", "KZ-10").homograph(),
    a("Семипалатинск", M, "Семей", C, "KZ", "KZ-10"),
    p("Атырау", IND, C, "KZ", "KZ-23"),
    p("Костанай", MJ, C, "KZ", "KZ-39"),
    p("Кызылорда", FA, C, "KZ", "KZ-43"),
    p("Уральск", M, C, "KZ", "KZ-27"),
    p("Петропавловск", M, C, "KZ", "KZ-59"),
    p("Актау", IND, C, "KZ", "KZ-47"),
    p("Талдыкорган", M, C, "KZ", "KZ-33"),
    p("Кокшетау", IND, C, "KZ", "KZ-11"),
    p("Туркестан", M, C, "KZ", "KZ-61"),
    p("Темиртау", IND, C, "KZ", "KZ-35"),
    p("Экибастуз", M, C, "KZ", "KZ-55"),
    p("Рудный", ADJM, C, "KZ", "KZ-39").homograph(),
    p("Жезказган", M, C, "KZ", "KZ-62"),
    p("Жанаозен", M, C, "KZ", "KZ-47"),
    p("Байконур", M, C, "KZ", "KZ-43"),
    p("Степногорск", M, C, "KZ", "KZ-11"),
    p("Риддер", M, C, "KZ", "KZ-63"),
];
