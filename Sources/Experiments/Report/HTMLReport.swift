/// Renders a ``Report`` as one self-contained HTML page: inline CSS, inline SVG charts, no
/// scripts, no network, system fonts only. The same report gives the same bytes (no clock,
/// no host in the page).
public enum HTMLReport {
  /// The page.
  public static func render(_ report: Report, renderer: SVGChartRenderer = SVGChartRenderer()) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="generator" content="chainsim report"/>
      <title>\(e(report.title))</title>
      <style>\(css)</style>
      </head>
      <body>
      <h1>\(e(report.title))</h1>

      """
    html += filesSection(report, renderer)
    if !report.notes.isEmpty {
      html += "<ul class=\"notes\">" + report.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
    }
    html += inputsSection(report)
    for sub in report.subsystems {
      html += "<section class=\"subsystem\" id=\"subsystem-\(e(chartID([sub.name])))\">\n<h2>\(e(sub.name))</h2>\n"
      html += kpiTable(sub, report)
      if !sub.notes.isEmpty { html += "<ul class=\"notes\">" + sub.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n" }
      html += chartGrid(sub.charts, renderer)
      html += "</section>\n"
    }
    for sweep in report.sweeps {
      let file = report.files[sweep.file]
      html += "<section class=\"sweep\" id=\"sweep-\(sweep.file)\">\n<h2>Sweep \(e(file.scenarioName)): KPIs against the parameters</h2>\n"
      html +=
        "<p class=\"explain\">\(e(file.path)): \(file.sweepPoints) points; " + file.sweepParameters.map(e).joined(separator: "; ")
        + ". Each marker is a point's mean over its replications with its 95% Student-t interval.</p>\n"
      if !sweep.notes.isEmpty { html += "<ul class=\"notes\">" + sweep.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n" }
      html += chartGrid(sweep.charts, renderer)
      html += "</section>\n"
    }
    html += """
      <footer>Intervals are 95% Student-t intervals over replications. Δ is the variant minus the first file with the \
      interval <code>chainsim compare</code> gives it (paired t when both files share seed, replications and stream scheme, \
      Welch otherwise); ≠ marks KPIs whose two own intervals do not overlap. For p-values and the Holm-corrected verdict use \
      <code>chainsim compare</code>. The grey area of a time chart is the warm-up, \
      which the KPIs exclude.</footer>
      </body>
      </html>

      """
    return html
  }

  // MARK: - Sections

  private static func filesSection(_ report: Report, _ renderer: SVGChartRenderer) -> String {
    var s =
      "<section class=\"files\"><h2>Files</h2>\n<table class=\"files\">\n<thead><tr><th></th><th>file</th><th>kind</th><th>scenario</th><th>hash</th><th>seed</th><th>replications</th><th>horizon</th><th>warm-up</th><th>fingerprint</th><th>checks</th></tr></thead>\n<tbody>\n"
    for (i, f) in report.files.enumerated() {
      let isRun = report.runFiles.contains(i)
      let swatch = isRun ? "<span class=\"swatch\" style=\"background:\(renderer.palette[f.colour % renderer.palette.count])\"></span>" : ""
      let role = isRun ? (report.runFiles.first == i ? " (base)" : "") : ""
      let checks =
        f.failedChecks.isEmpty
        ? "<span class=\"pass\">\(f.checksPassed) passed</span>"
        : "<span class=\"fail\">\(f.checksPassed) passed, \(f.failedChecks.count) failed: \(e(f.failedChecks.joined(separator: ", ")))</span>"
      let replications = f.sweepPoints > 0 ? "\(f.sweepPoints) points × \(f.replications)" : "\(f.replications)"
      s +=
        "<tr><td>\(swatch)</td><td class=\"path\">\(e(f.path))\(role)</td><td>\(e(f.kind))</td><td>\(e(f.scenarioName))</td>"
        + "<td class=\"hash\" title=\"\(e(f.scenarioSHA256))\">\(e(String(f.scenarioSHA256.prefix(12))))</td><td>\(f.seed)</td>"
        + "<td>\(replications)</td><td>\(TableNumber.format(f.horizonDays)) d</td><td>\(TableNumber.format(f.warmupDays)) d</td>"
        + "<td class=\"hash\">\(e(f.fingerprint))</td><td>\(checks)</td></tr>\n"
    }
    return s + "</tbody></table></section>\n"
  }

  private static func inputsSection(_ report: Report) -> String {
    var s = "<section class=\"inputs\"><h2>Input differences</h2>\n"
    if report.inputRows.isEmpty {
      s += "<p class=\"explain\">\(e(report.inputNote))</p>\n"
    } else {
      let names = report.runFiles.map { report.files[$0].scenarioName }
      s += "<table class=\"inputs\"><thead><tr><th>key path</th>" + names.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
      for row in report.inputRows {
        s +=
          "<tr><td class=\"key\">\(e(row.keyPath))</td>"
          + row.values.map { "<td>\($0.map(e) ?? "<span class=\"absent\">—</span>")</td>" }.joined() + "</tr>\n"
      }
      s += "</tbody></table>\n"
    }
    return s + "</section>\n"
  }

  private static func kpiTable(_ sub: ReportSubsystem, _ report: Report) -> String {
    guard !sub.kpis.isEmpty else { return "<p class=\"explain\">No KPIs.</p>\n" }
    let names = report.runFiles.map { report.files[$0].scenarioName }
    var s = "<div class=\"kpi-box\"><table class=\"kpis\"><thead><tr><th>KPI</th><th>label</th><th>units</th><th>better</th>"
    s += names.map { "<th>\(e($0))<br/><small>mean ± 95%</small></th>" }.joined()
    s += names.dropFirst().map { "<th>Δ \(e($0))<br/><small>vs \(e(names[0]))</small></th>" }.joined() + "</tr></thead><tbody>\n"
    for row in sub.kpis {
      s +=
        "<tr><td title=\"\(e(row.kpi))\">\(e(row.longName))</td><td>\(e(row.label ?? ""))</td><td>\(e(row.units))</td><td>\(row.better.rawValue)</td>"
      for est in row.estimates {
        guard let est else { s += "<td class=\"absent\">—</td>"; continue }
        s += "<td class=\"num\">\(TableNumber.format(est.mean)) ± \(TableNumber.format(est.halfWidth))</td>"
      }
      for d in row.differences {
        guard let d else { s += "<td class=\"absent\">—</td>"; continue }
        let mark = d.intervalsDisjoint ? " ≠" : ""
        let cls = d.intervalsDisjoint ? " disjoint \(d.verdict.rawValue)" : ""
        s += "<td class=\"num\(cls)\">\(TableNumber.format(d.difference, signed: true)) ± \(TableNumber.format(d.halfWidth))\(mark)</td>"
      }
      s += "</tr>\n"
    }
    return s + "</tbody></table></div>\n"
  }

  private static func chartGrid(_ charts: [Chart], _ renderer: SVGChartRenderer) -> String {
    guard !charts.isEmpty else { return "" }
    return "<div class=\"charts\">\n" + charts.map { "<figure>" + renderer.render($0) + "</figure>\n" }.joined() + "</div>\n"
  }

  private static func e(_ text: String) -> String { XMLText.escape(text) }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:16px 24px;color:#222;background:#fff}
    h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:20px 0 8px;border-bottom:1px solid #ccc}
    table{border-collapse:collapse;font-size:12px;margin:4px 0 10px}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
    th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    td.hash,td.path{font-family:ui-monospace,monospace;font-size:11px}.absent{color:#999}
    .swatch{display:inline-block;width:14px;height:14px;border-radius:2px}
    .pass{color:#1a7f37}.fail{color:#b00020;font-weight:bold}
    td.disjoint{font-weight:bold}td.better{background:#e6f4ea}td.worse{background:#fdecea}
    .notes{font-size:12px;color:#555}.explain{font-size:13px;color:#444}
    .kpi-box{max-height:480px;overflow:auto;border:1px solid #ddd;margin-bottom:10px}.kpi-box table{margin:0}
    .kpi-box th{position:sticky;top:0;z-index:1}@media print{.kpi-box{max-height:none;overflow:visible}}
    .charts{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0;border:1px solid #e5e5e5}
    svg{display:block;font-family:inherit}footer{margin-top:24px;font-size:12px;color:#555}
    """
}
