/// One plotted value: `y` at `x`, with an optional interval `[lower, upper]`.
///
/// A non-finite `y` is a gap: the line breaks there. A non-finite `lower` or `upper` leaves
/// the band (or error bar) out at that point, the line stays.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var lower: Double
  public var upper: Double

  public init(x: Double, y: Double, lower: Double = .nan, upper: Double = .nan) {
    self.x = x
    self.y = y
    self.lower = lower
    self.upper = upper
  }

  /// Whether the point has a finite interval to draw.
  var hasInterval: Bool { y.isFinite && lower.isFinite && upper.isFinite }
}

/// One line of a chart (one results file, or one value of a sweep's second parameter).
public struct ChartSeries: Sendable, Equatable {
  /// The legend text.
  public var name: String
  /// Index into the report's palette, so a file keeps its colour in every chart.
  public var colour: Int
  /// Points in the order they are joined (ascending `x` for time series).
  public var points: [ChartPoint]

  public init(name: String, colour: Int, points: [ChartPoint]) {
    self.name = name
    self.colour = colour
    self.points = points
  }
}

/// A line chart, drawn as inline SVG by ``SVGChartRenderer``.
public struct Chart: Sendable, Equatable {
  /// How intervals are drawn.
  public enum Style: String, Sendable, Equatable {
    /// A line per series with its interval as a shaded band (time series).
    case band
    /// A line with markers and vertical error bars per point (KPI versus a parameter).
    case errorBars
  }

  /// Unique within the page; also the SVG element's `id`.
  public var id: String
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var style: Style
  public var series: [ChartSeries]
  /// An x range drawn as a grey background (the warm-up period), if any.
  public var shadedX: ClosedRange<Double>?
  /// Text tick labels at given x positions, for a parameter whose values are text.
  public var xCategories: [(x: Double, label: String)]?

  public init(
    id: String, title: String, xLabel: String, yLabel: String, style: Style, series: [ChartSeries],
    shadedX: ClosedRange<Double>? = nil, xCategories: [(x: Double, label: String)]? = nil
  ) {
    self.id = id
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.style = style
    self.series = series
    self.shadedX = shadedX
    self.xCategories = xCategories
  }

  public static func == (a: Chart, b: Chart) -> Bool {
    a.id == b.id && a.title == b.title && a.xLabel == b.xLabel && a.yLabel == b.yLabel && a.style == b.style
      && a.series == b.series && a.shadedX == b.shadedX
      && a.xCategories?.map(\.x) == b.xCategories?.map(\.x) && a.xCategories?.map(\.label) == b.xCategories?.map(\.label)
  }
}
