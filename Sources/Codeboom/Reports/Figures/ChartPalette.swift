/// Fills for the series of a chart that stay apart for colour-blind readers and in greyscale print: the
/// Okabe–Ito colours (Okabe & Ito 2008, safe for the common colour-vision deficiencies), in an order that
/// alternates dark and light, each with its own pattern of white lines or dots, so that even two series
/// of equal grey differ in texture. The total of a chart is dark grey without a pattern.
enum ChartPalette {
    struct Fill {
        /// The fill colour.
        let colour: String
        /// The pattern drawn over it, or nil for a plain fill.
        let pattern: Pattern?
    }

    enum Pattern: String, CaseIterable {
        case diagonal, dots, horizontal, crosshatch, vertical, backDiagonal
    }

    /// Blue, orange, bluish green, sky blue, vermilion, reddish purple, yellow.
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#CC79A7", "#F0E442"]
    /// The total's fill.
    static let total = Fill(colour: "#404040", pattern: nil)

    /// The fill of series `index` (0…); after seven the colours repeat with the next patterns.
    static func fill(_ index: Int) -> Fill {
        let colour = colours[index % colours.count]
        let patterns: [Pattern?] = [nil] + Pattern.allCases.map { Optional($0) }
        return Fill(colour: colour, pattern: patterns[(index + index / colours.count) % patterns.count])
    }

    /// `<pattern>` definitions for every pattern, white marks on a transparent ground, ids `PREFIX-NAME`.
    static func definitions(prefix: String) -> [String] {
        Pattern.allCases.map { pattern in
            let marks = switch pattern {
            case .diagonal: ##"<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#FFFFFF" stroke-width="1.5"/>"##
            case .backDiagonal: ##"<path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" stroke="#FFFFFF" stroke-width="1.5"/>"##
            case .dots: ##"<circle cx="3" cy="3" r="1.3" fill="#FFFFFF"/>"##
            case .horizontal: ##"<path d="M0,3 h6" stroke="#FFFFFF" stroke-width="1.5"/>"##
            case .vertical: ##"<path d="M3,0 v6" stroke="#FFFFFF" stroke-width="1.5"/>"##
            case .crosshatch: ##"<path d="M0,3 h6 M3,0 v6" stroke="#FFFFFF" stroke-width="1"/>"##
            }
            return #"<pattern id="\#(prefix)-\#(pattern.rawValue)" width="6" height="6" patternUnits="userSpaceOnUse">\#(marks)</pattern>"#
        }
    }

    /// Steps of one hue from light to dark for a heat map (lightness carries the value, so greyscale keeps it),
    /// with the text colour that reads on each.
    static let heatSteps: [(fill: String, text: String, label: String)] = [
        ("#FFFFFF", "#000000", "0%"),
        ("#DEEBF7", "#000000", "1–20%"),
        ("#B3D3EA", "#000000", "21–40%"),
        ("#6BAED6", "#000000", "41–60%"),
        ("#2F7EBC", "#FFFFFF", "61–80%"),
        ("#08468C", "#FFFFFF", "81–100%"),
    ]

    /// The step of a share n/N (N > 0): 0, then one step per fifth, by exact integer comparison.
    static func heatStep(_ n: Int, of total: Int) -> Int {
        guard n > 0, total > 0 else { return 0 }
        // The smallest k with n/N ≤ k/5.
        for step in 1...5 where n * 5 <= step * total { return step }
        return 5
    }
}
