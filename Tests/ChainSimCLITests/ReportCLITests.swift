import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `chainsim report` end to end: short real runs of the baseline and a variant, the HTML's
/// SVG charts parsed as XML and counted, the page rendered by headless Chromium and the
/// PNG checked for drawn lines in the series colours; a sweep's KPI-versus-parameter
/// charts; bad input exits 2 with a message.
@Suite(.serialized) struct ReportCLITests {
  /// The base and variant colours of the report's palette (SVGChartRenderer.defaultPalette).
  static let baseColour = "#1f5fbf", variantColour = "#e6550d"
  static let quick = [
    "--horizon", "6d", "--set", "run.warmup=1d", "--replications", "2", "--set", "ring.enabled=false",
    "--set", "rail.enabled=false", "--set", "recycling.enabled=false", "--quiet",
  ]

  /// Runs the baseline and the automated-cranes variant once for all tests, into a fixed
  /// temporary folder that the next test run replaces (so runs do not pile up).
  static let runs: Result<(dir: URL, base: String, variant: String), any Error> = Result {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainsim-report-tests")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let base = dir.appendingPathComponent("base.h5").path, variant = dir.appendingPathComponent("variant.h5").path
    for (scenario, path) in [("scenarios/tianjin-2024.yaml", base), ("scenarios/variants/automated-cranes.yaml", variant)] {
      let r = try runProgram(chainsimBinary, ["run", scenario, "-o", path] + quick)
      guard r.exitCode == 0 else { throw CLIFailure("chainsim run \(scenario) exited \(r.exitCode): \(r.stderr)") }
    }
    return (dir, base, variant)
  }

  struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
  }

  /// Every `<svg>…</svg>` of the page, parsed as XML.
  func svgs(in html: String) throws -> [XMLElement] {
    var found: [XMLElement] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
      let document = try XMLDocument(xmlString: String(rest[start.lowerBound..<end.upperBound]), options: [])
      if let root = document.rootElement() { found.append(root) }
      rest = rest[end.upperBound...]
    }
    return found
  }

  /// An attribute of an element (looked up by name: the SVG namespace hides it from `attribute(forName:)`).
  func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
  }

  func count(_ element: XMLElement, _ tag: String, class name: String) throws -> Int {
    try element.nodes(forXPath: ".//*[local-name()='\(tag)'][@class='\(name)']").count
  }

  @Test func baseAndVariantReportRendersInChromium() throws {
    let (dir, base, variant) = try Self.runs.get()
    let html = dir.appendingPathComponent("report.html")
    let started = Date()
    let r = try chainsim("report", base, variant, "-o", html.path)
    #expect(r.exitCode == 0, "\(r.stderr)")
    #expect(r.stdout.contains("-> \(html.path)"))
    let page = try String(contentsOf: html, encoding: .utf8)

    // Self-contained: no scripts, no links to anything but the SVG namespace.
    #expect(!page.contains("<script"))
    #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "no network references")
    #expect(!page.contains("@import") && !page.contains("url(http"))
    for text in ["tianjin-2024", "automated-cranes", "(base)", "Input differences", "passed", "Vessels waiting at the anchorage"] {
      #expect(page.contains(text), "the page shows \(text)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".report.html.tmp-0").path))

    // Every chart is valid XML with one series path and one band per file.
    let charts = try svgs(in: page)
    #expect(charts.count >= 10, "one chart per port series (and label)")
    var ids: [String] = []
    for chart in charts {
      let id = attribute(chart, "id") ?? ""
      ids.append(id)
      #expect(attribute(chart, "class") == "chart chart-band", "\(id)")
      #expect(try count(chart, "path", class: "series") == 2, "\(id): one line per file")
      #expect(try count(chart, "path", class: "band") == 2, "\(id): one band per file")
      #expect(try count(chart, "rect", class: "warmup") == 1, "\(id): the warm-up is shaded")
      #expect(try chart.nodes(forXPath: ".//*[local-name()='text'][@class='x-tick']").count >= 3, "\(id): x ticks")
    }
    #expect(Set(ids).count == ids.count, "chart ids are unique")
    #expect(ids.contains("ts-port-vessels_at_anchor-0"))

    // Headless Chromium draws the page; the PNG holds lines in both series colours.
    let browser = try #require(Self.chromium(), "chromium is required for the report test (apt-get install chromium; .ci/run installs it)")
    let png = dir.appendingPathComponent("report.png")
    let shot = try runProgram(
      URL(fileURLWithPath: browser),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=1200,3000",
        html.absoluteString,
      ])
    #expect(shot.exitCode == 0, "\(shot.stderr)")
    let pixels = try Self.colourCounts(png, [Self.baseColour, Self.variantColour])
    #expect(pixels.width == 1200 && pixels.height == 3000)
    #expect(pixels.nonWhite > 100_000, "the page is not blank")
    for colour in [Self.baseColour, Self.variantColour] {
      let c = try #require(pixels.colours[colour])
      #expect(c.count > 1_000, "\(colour): drawn line pixels (\(c.count))")
      #expect(c.columns > 400, "\(colour): the lines run across the charts' width (\(c.columns) columns)")
      let box = c.bbox ?? [0, 0, 0, 0]
      #expect(box[3] - box[1] > 1_000, "\(colour): charts down the page \(box)")
    }
    print("report test: chainsim report + chromium + PNG check took \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
  }

  @Test func sweepReportPlotsKPIsAgainstTheParameters() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sweep = dir.appendingPathComponent("sweep.h5").path, html = dir.appendingPathComponent("sweep.html")
    let s = try chainsim("sweep", fixture("sweep/small.yaml"), "-o", sweep, "--quiet")
    #expect(s.exitCode == 0, "\(s.stderr)")
    let r = try chainsim("report", sweep, "-o", html.path)
    #expect(r.exitCode == 0, "\(r.stderr)")
    let page = try String(contentsOf: html, encoding: .utf8)
    #expect(page.contains("KPIs against the parameters"))
    let charts = try svgs(in: page)
    #expect(!charts.isEmpty)
    for chart in charts {
      let id = attribute(chart, "id") ?? ""
      #expect(attribute(chart, "class") == "chart chart-errorBars", "\(id)")
      // small.yaml: import_inspection_rate on x (2, 8), one line per uict_berths value (3, 4).
      #expect(try count(chart, "path", class: "series") == 2, "\(id)")
      #expect(try count(chart, "path", class: "errorbar") == 2, "\(id)")
      #expect(try count(chart, "circle", class: "marker") <= 4, "\(id): at most one marker per point")
    }
    #expect(page.contains("uict_berths = 3") && page.contains("uict_berths = 4"), "legend names the second parameter's values")
    #expect(page.contains("import_inspection_rate (%)"), "x axis names the first parameter")
  }

  @Test func badInputExitsTwo() throws {
    let (dir, base, _) = try Self.runs.get()
    let out = dir.appendingPathComponent("bad.html").path
    let missing = try chainsim("report", base, dir.appendingPathComponent("nope.h5").path, "-o", out)
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("there is no such file"), "\(missing.stderr)")

    let text = dir.appendingPathComponent("text.h5")
    try Data("not a results file".utf8).write(to: text)
    let foreign = try chainsim("report", text.path, "-o", out)
    #expect(foreign.exitCode == 2)
    #expect(foreign.stderr.contains("not an HDF5 file"), "\(foreign.stderr)")

    let short = dir.appendingPathComponent("short.h5").path
    let run = try runProgram(
      chainsimBinary, ["run", "scenarios/tianjin-2024.yaml", "-o", short] + Self.quick.map { $0 == "6d" ? "4d" : $0 })
    #expect(run.exitCode == 0, "\(run.stderr)")
    let horizons = try chainsim("report", base, short, "-o", out)
    #expect(horizons.exitCode == 2)
    #expect(horizons.stderr.contains("different horizons"), "\(horizons.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out), "no report is written")

    let folder = try chainsim("report", base, "-o", dir.appendingPathComponent("no/such/folder.html").path)
    #expect(folder.exitCode == 2)
    #expect(folder.stderr.contains("does not exist"), "\(folder.stderr)")
    let none = try chainsim("report")
    #expect(none.exitCode == 2)
  }

  // MARK: - Helpers

  /// The Chromium binary on PATH, or nil.
  static func chromium() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser"] {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  struct ColourStats: Decodable {
    var count: Int
    var columns: Int
    var rows: Int
    var bbox: [Int]?
  }

  struct PixelReport: Decodable {
    var width: Int
    var height: Int
    var nonWhite: Int
    var colours: [String: ColourStats]
    enum CodingKeys: String, CodingKey {
      case width, height
      case nonWhite = "non_white"
      case colours
    }
  }

  /// Decodes the PNG with the project's standard-library checker (no PIL needed).
  static func colourCounts(_ png: URL, _ colours: [String]) throws -> PixelReport {
    let script = packageRoot.appendingPathComponent("scripts/png_colours.py").path
    let r = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, png.path] + colours)
    guard r.exitCode == 0 else { throw CLIFailure("png_colours.py failed: \(r.stderr)") }
    return try JSONDecoder().decode(PixelReport.self, from: Data(r.stdout.utf8))
  }
}
