import Experiments
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The SVG chart renderer: nice scales and ticks, one series path and one band per series,
/// gaps at NaN, error bars, escaping; the output is well-formed XML.
struct ReportSVGTests {
  func xml(_ svg: String) throws -> XMLElement {
    try #require(try XMLDocument(xmlString: svg, options: []).rootElement())
  }

  func elements(_ root: XMLElement, _ tag: String, class name: String) throws -> [XMLElement] {
    try root.nodes(forXPath: ".//*[local-name()='\(tag)'][@class='\(name)']").compactMap { $0 as? XMLElement }
  }

  func d(_ element: XMLElement) -> String { element.attributes?.first { $0.name == "d" }?.stringValue ?? "" }

  @Test func niceStepsAndTicks() {
    #expect(LinearScale.niceStep(0.3) == 0.5)
    #expect(LinearScale.niceStep(1.1) == 2)
    #expect(LinearScale.niceStep(4) == 5)
    #expect(LinearScale.niceStep(7) == 10)
    #expect(LinearScale.niceStep(0.02) == 0.02)
    let s = LinearScale(low: 0.3, high: 9.7, start: 0, end: 100, tickCount: 5)
    #expect(s.ticks == [0, 5, 10] || s.ticks == [0, 2, 4, 6, 8, 10])
    #expect(s.domain.lowerBound <= 0.3 && s.domain.upperBound >= 9.7)
    #expect(s.position(s.domain.lowerBound) == 0 && s.position(s.domain.upperBound) == 100)
    let y = LinearScale(low: -3, high: 17, start: 200, end: 20, tickCount: 5)
    #expect(y.ticks == [-5, 0, 5, 10, 15, 20])
    #expect(y.position(-5) == 200 && y.position(20) == 20, "a y axis runs upwards")
    #expect(y.label(5) == "5" && LinearScale(low: 0, high: 0.2, start: 0, end: 1).label(0.15) == "0.15")
    let flat = LinearScale(low: 4, high: 4, start: 0, end: 10)
    #expect(flat.domain.lowerBound < 4 && flat.domain.upperBound > 4, "a constant series still gets an axis")
    let empty = LinearScale(low: .nan, high: .nan, start: 0, end: 10)
    #expect(empty.domain == 0...1)
  }

  @Test func oneSeriesPathAndBandPerSeriesWithGapsAtNaN() throws {
    var a: [ChartPoint] = [], b: [ChartPoint] = []
    for t in 0..<10 {
      let v = Double(t)
      a.append(ChartPoint(x: v, y: t == 4 ? Double.nan : v, lower: v - 1, upper: v + 1))
      b.append(ChartPoint(x: v, y: 2 * v))  // no interval: no band
    }
    let chart = Chart(
      id: "c1", title: "Wait <h> & \"queue\"", xLabel: "time (days)", yLabel: "h", style: .band,
      series: [ChartSeries(name: "base", colour: 0, points: a), ChartSeries(name: "variant 二", colour: 1, points: b)],
      shadedX: 0...2)
    let svg = SVGChartRenderer().render(chart)
    let root = try xml(svg)
    #expect(root.attributes?.first { $0.name == "id" }?.stringValue == "c1")
    let series = try elements(root, "path", class: "series")
    #expect(series.count == 2)
    #expect(d(series[0]).filter { $0 == "M" }.count == 2, "the NaN at t=4 breaks the line into two runs")
    #expect(d(series[0]).filter { $0 == "L" }.count == 7)
    #expect(d(series[1]).filter { $0 == "M" }.count == 1 && d(series[1]).filter { $0 == "L" }.count == 9)
    let bands = try elements(root, "path", class: "band")
    #expect(bands.count == 2)
    #expect(d(bands[0]).filter { $0 == "Z" }.count == 2, "one polygon per run of finite intervals")
    #expect(d(bands[1]).isEmpty, "a series without intervals has an empty band")
    #expect(try elements(root, "rect", class: "warmup").count == 1)
    #expect(try elements(root, "text", class: "x-tick").count >= 3)
    #expect(try elements(root, "text", class: "y-tick").count >= 3)
    #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"), "no non-finite numbers reach the SVG")
    #expect(svg.contains("Wait &lt;h&gt; &amp; &quot;queue&quot;"))
    #expect(svg.contains("#1f5fbf") && svg.contains("#e6550d"), "palette colours by series index")

    // The line's pixels follow the scales: the first point sits at (x(0), y(0)).
    let (x, y) = SVGChartRenderer().scales(for: chart)
    #expect(y.domain.lowerBound <= -1 && y.domain.upperBound >= 18, "the y domain holds lines and bands")
    let first = d(series[0]).dropFirst().split(separator: "L").first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
    #expect(first.count == 2 && abs(first[0] - x.position(0)) <= 0.05 && abs(first[1] - y.position(0)) <= 0.05, "\(first)")
  }

  @Test func errorBarsAndMarkers() throws {
    let points = [ChartPoint(x: 2, y: 5, lower: 4, upper: 6), ChartPoint(x: 8, y: 7, lower: 6.5, upper: 7.5), ChartPoint(x: 5, y: .nan)]
    let chart = Chart(
      id: "sweep0-port-wait", title: "Wait", xLabel: "rate (%)", yLabel: "h", style: .errorBars,
      series: [ChartSeries(name: "b = 3", colour: 0, points: points), ChartSeries(name: "b = 4", colour: 1, points: [])])
    let root = try xml(SVGChartRenderer().render(chart))
    #expect(try elements(root, "path", class: "series").count == 2)
    let bars = try elements(root, "path", class: "errorbar")
    #expect(bars.count == 2)
    #expect(d(bars[0]).filter { $0 == "V" }.count == 2, "one bar per point with an interval")
    #expect(try elements(root, "circle", class: "marker").count == 2, "no marker at a NaN mean")
  }

  @Test func categoricalTicks() throws {
    let chart = Chart(
      id: "cat", title: "t", xLabel: "mode", yLabel: "1", style: .errorBars,
      series: [ChartSeries(name: "s", colour: 0, points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)])],
      xCategories: [(0, "rail"), (1, "truck & barge")])
    let root = try xml(SVGChartRenderer().render(chart))
    let ticks = try elements(root, "text", class: "x-tick").map { $0.stringValue ?? "" }
    #expect(ticks == ["rail", "truck & barge"])
  }
}
