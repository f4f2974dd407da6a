/// Draws a ``Chart`` as a self-contained inline `<svg>` element (valid XML, no scripts, no
/// external resources).
///
/// Every chart has `id` = the chart's id and class `chart`; each series is exactly one
/// `<path class="series">` (gaps at non-finite values are breaks inside that path), its
/// interval one `<path class="band">` (band style) or `<path class="errorbar">` (error-bar
/// style), so tests can count them. The warm-up is a grey `<rect class="warmup">`.
public struct SVGChartRenderer: Sendable {
  /// Pixel size of the whole chart.
  public var width: Double = 560
  public var height: Double = 320
  /// Space for the title and legend (top), tick labels (left, bottom).
  public var margin = (top: 48.0, right: 16.0, bottom: 46.0, left: 72.0)
  /// Series colours, indexed by ``ChartSeries/colour`` modulo the count.
  public var palette: [String] = SVGChartRenderer.defaultPalette

  /// Eight colours that stay apart on screen and in grey print; files take them in order.
  public static let defaultPalette = ["#1f5fbf", "#e6550d", "#2ca02c", "#c41e3a", "#8a4fbf", "#8c564b", "#d6389a", "#17a2b8"]

  public init() {}

  /// The x and y scales the chart is drawn with: the data (and intervals) widened to ticks.
  public func scales(for chart: Chart) -> (x: LinearScale, y: LinearScale) {
    var xs: [Double] = [], ys: [Double] = []
    for s in chart.series {
      for p in s.points where p.x.isFinite {
        xs.append(p.x)
        if p.y.isFinite { ys.append(p.y) }
        if p.hasInterval { ys.append(p.lower); ys.append(p.upper) }
      }
    }
    if let shaded = chart.shadedX { xs.append(shaded.lowerBound) }
    var low = xs.min() ?? 0, high = xs.max() ?? 1
    if chart.style == .errorBars {  // room for the end markers and their side-by-side bars
      let pad = Swift.max(high - low, 1) * 0.04
      (low, high) = (low - pad, high + pad)
    }
    let x = LinearScale(low: low, high: high, start: margin.left, end: width - margin.right, tickCount: 7)
    let y = LinearScale(low: ys.min() ?? 0, high: ys.max() ?? 1, start: height - margin.bottom, end: margin.top, tickCount: 5)
    return (x, y)
  }

  /// The chart as an `<svg>` element.
  public func render(_ chart: Chart) -> String {
    let (x, y) = scales(for: chart)
    let id = XMLText.escape(chart.id)
    let plot = (left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom)
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" class="chart chart-\(chart.style.rawValue)" \
      width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
      aria-label="\(XMLText.escape(chart.title))">
      <title>\(XMLText.escape(chart.title))</title>
      <defs><clipPath id="clip-\(id)"><rect x="\(px(plot.left))" y="\(px(plot.top))" width="\(px(plot.right - plot.left))" \
      height="\(px(plot.bottom - plot.top))"/></clipPath></defs>
      <rect class="background" x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#ffffff"/>
      <text class="chart-title" x="8" y="16" font-size="13" font-weight="bold">\(XMLText.escape(chart.title.count > 84 ? String(chart.title.prefix(83)) + "…" : chart.title))</text>

      """
    if let shaded = chart.shadedX {
      let a = Swift.max(plot.left, x.position(shaded.lowerBound)), b = Swift.min(plot.right, x.position(shaded.upperBound))
      if b > a {
        svg +=
          "<rect class=\"warmup\" x=\"\(px(a))\" y=\"\(px(plot.top))\" width=\"\(px(b - a))\" height=\"\(px(plot.bottom - plot.top))\" fill=\"#ececec\"><title>warm-up (excluded from KPIs)</title></rect>\n"
      }
    }
    svg += axes(chart, x, y, plot)
    svg += "<g class=\"data\" clip-path=\"url(#clip-\(id))\">\n"
    for (i, s) in chart.series.enumerated() {
      let colour = palette[((s.colour % palette.count) + palette.count) % palette.count]
      switch chart.style {
      case .band:
        svg += "<path class=\"band\" fill=\"\(colour)\" fill-opacity=\"0.2\" stroke=\"none\" d=\"\(bandPath(s.points, x, y))\"/>\n"
      case .errorBars:
        svg +=
          "<path class=\"errorbar\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill=\"none\" d=\"\(errorBarPath(s.points, x, y, dodge: dodge(i, chart.series.count)))\"/>\n"
      }
    }
    for (i, s) in chart.series.enumerated() {
      let colour = palette[((s.colour % palette.count) + palette.count) % palette.count]
      svg +=
        "<path class=\"series\" data-series=\"\(i)\" stroke=\"\(colour)\" stroke-width=\"2\" fill=\"none\" stroke-linejoin=\"round\" d=\"\(linePath(s.points, x, y))\"><title>\(XMLText.escape(s.name))</title></path>\n"
      if chart.style == .errorBars {
        for p in s.points where p.x.isFinite && p.y.isFinite {
          svg +=
            "<circle class=\"marker\" cx=\"\(px(x.position(p.x) + dodge(i, chart.series.count)))\" cy=\"\(px(y.position(p.y)))\" r=\"3\" fill=\"\(colour)\"/>\n"
        }
      }
    }
    svg += "</g>\n" + legend(chart) + "</svg>"
    return svg
  }

  // MARK: - Parts

  private func axes(_ chart: Chart, _ x: LinearScale, _ y: LinearScale, _ plot: (left: Double, right: Double, top: Double, bottom: Double))
    -> String
  {
    var s = "<g class=\"grid\" stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
    for t in y.ticks {
      s += "<line x1=\"\(px(plot.left))\" x2=\"\(px(plot.right))\" y1=\"\(px(y.position(t)))\" y2=\"\(px(y.position(t)))\"/>\n"
    }
    s += "</g>\n<g class=\"axes\" stroke=\"#444444\" stroke-width=\"1\" fill=\"none\">\n"
    s += "<path class=\"axis x-axis\" d=\"M\(px(plot.left)) \(px(plot.bottom))H\(px(plot.right))\"/>\n"
    s += "<path class=\"axis y-axis\" d=\"M\(px(plot.left)) \(px(plot.bottom))V\(px(plot.top))\"/>\n"
    let xTicks: [(Double, String)] = chart.xCategories.map { $0.map { ($0.x, $0.label) } } ?? x.ticks.map { ($0, x.label($0)) }
    var marks = ""
    for (t, _) in xTicks { marks += "M\(px(x.position(t))) \(px(plot.bottom))v5" }
    for t in y.ticks { marks += "M\(px(plot.left)) \(px(y.position(t)))h-5" }
    s += "<path class=\"ticks\" d=\"\(marks)\"/>\n</g>\n"
    s += "<g class=\"tick-labels\" font-size=\"11\" fill=\"#333333\">\n"
    for (t, label) in xTicks {
      s +=
        "<text class=\"x-tick\" x=\"\(px(x.position(t)))\" y=\"\(px(plot.bottom + 17))\" text-anchor=\"middle\">\(XMLText.escape(label))</text>\n"
    }
    for t in y.ticks {
      s +=
        "<text class=\"y-tick\" x=\"\(px(plot.left - 8))\" y=\"\(px(y.position(t) + 4))\" text-anchor=\"end\">\(XMLText.escape(y.label(t)))</text>\n"
    }
    s += "</g>\n"
    s +=
      "<text class=\"axis-label x-label\" x=\"\(px((plot.left + plot.right) / 2))\" y=\"\(px(height - 8))\" text-anchor=\"middle\" font-size=\"12\">\(XMLText.escape(chart.xLabel))</text>\n"
    let cy = (plot.top + plot.bottom) / 2
    s +=
      "<text class=\"axis-label y-label\" x=\"14\" y=\"\(px(cy))\" transform=\"rotate(-90 14 \(px(cy)))\" text-anchor=\"middle\" font-size=\"12\">\(XMLText.escape(chart.yLabel))</text>\n"
    return s
  }

  private func legend(_ chart: Chart) -> String {
    var s = "<g class=\"legend\" font-size=\"11\">\n"
    var cursor = margin.left
    var row = 0.0
    for series in chart.series {
      let colour = palette[((series.colour % palette.count) + palette.count) % palette.count]
      let name = series.name.count > 40 ? String(series.name.prefix(39)) + "…" : series.name
      let itemWidth = 26 + Double(name.count) * 6.2 + 12
      if cursor + itemWidth > width - margin.right, cursor > margin.left, row < 1 {
        cursor = margin.left
        row += 1
      }
      let ly = 30 + row * 13
      s += "<rect class=\"legend-swatch\" x=\"\(px(cursor))\" y=\"\(px(ly - 5))\" width=\"18\" height=\"4\" fill=\"\(colour)\"/>"
      s += "<text x=\"\(px(cursor + 22))\" y=\"\(px(ly))\" fill=\"#222222\">\(XMLText.escape(name))</text>\n"
      cursor += itemWidth
    }
    return s + "</g>\n"
  }

  /// Error bars of series `i` of `n` sit a few pixels apart, so that equal x do not hide each other.
  private func dodge(_ i: Int, _ n: Int) -> Double { (Double(i) - Double(n - 1) / 2) * 6 }

  /// `M…L…` through the finite points; a non-finite y starts a new subpath.
  func linePath(_ points: [ChartPoint], _ x: LinearScale, _ y: LinearScale) -> String {
    var d = ""
    var pen = false
    for p in points {
      guard p.x.isFinite, p.y.isFinite else { pen = false; continue }
      d += (pen ? "L" : "M") + "\(px(x.position(p.x))) \(px(y.position(p.y)))"
      pen = true
    }
    return d
  }

  /// One closed polygon per run of consecutive points with a finite interval: the upper
  /// ends forward, the lower ends back.
  func bandPath(_ points: [ChartPoint], _ x: LinearScale, _ y: LinearScale) -> String {
    var d = ""
    var run: [ChartPoint] = []
    func flush() {
      if run.count >= 2 {
        for (i, p) in run.enumerated() { d += (i == 0 ? "M" : "L") + "\(px(x.position(p.x))) \(px(y.position(p.upper)))" }
        for p in run.reversed() { d += "L\(px(x.position(p.x))) \(px(y.position(p.lower)))" }
        d += "Z"
      }
      run.removeAll(keepingCapacity: true)
    }
    for p in points {
      if p.x.isFinite, p.hasInterval { run.append(p) } else { flush() }
    }
    flush()
    return d
  }

  /// A vertical bar with end caps at each point with a finite interval.
  func errorBarPath(_ points: [ChartPoint], _ x: LinearScale, _ y: LinearScale, dodge: Double = 0) -> String {
    var d = ""
    for p in points where p.x.isFinite && p.hasInterval {
      let cx = x.position(p.x) + dodge, top = y.position(p.upper), bottom = y.position(p.lower)
      d += "M\(px(cx)) \(px(bottom))V\(px(top))M\(px(cx - 4)) \(px(top))h8M\(px(cx - 4)) \(px(bottom))h8"
    }
    return d
  }

  private func px(_ value: Double) -> String { ChartNumber.pixel(value) }
}

/// Escaping for XML/HTML text and attribute values.
enum XMLText {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0.
        if c.value < 0x20 && c != "\t" && c != "\n" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
      }
    }
    return out
  }
}
