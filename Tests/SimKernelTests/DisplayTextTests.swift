import Testing

@testable import SimKernel

/// `DisplayText`: user strings in messages and tables, escaped and cut to a line (Issue 17).
@Suite struct DisplayTextTests {
  @Test func invisibleAndBidirectionalCharactersAreEscaped() {
    #expect(DisplayText.escaped("UI\u{200B}CT") == "UI\\u{200B}CT")
    #expect(DisplayText.escaped("abc\u{202E}def") == "abc\\u{202E}def")
    #expect(DisplayText.escaped("\u{2066}x\u{2069}") == "\\u{2066}x\\u{2069}")
    #expect(DisplayText.escaped("\u{FEFF}name") == "\\u{FEFF}name")
    #expect(DisplayText.escaped("no\u{00A0}break") == "no\\u{00A0}break")
    #expect(DisplayText.escaped("soft\u{00AD}hyphen") == "soft\\u{00AD}hyphen")
    #expect(DisplayText.escaped("a\tb\nc\r") == "a\\tb\\nc\\r")
    #expect(DisplayText.escaped("bell\u{07}") == "bell\\u{0007}")
    #expect(DisplayText.escaped("line\u{2028}sep") == "line\\u{2028}sep")
    #expect(DisplayText.escaped("filler\u{3164}") == "filler\\u{3164}")
  }

  @Test func visibleTextIsUnchangedAndEscapingIsIdempotent() {
    for text in ["UICT", "Beijiang C", "天津港", "CO₂ per TEU", "B − A ± 95% → ok", "café", "Ünïcödé", "'quoted' \"both\""] {
      #expect(DisplayText.escaped(text) == text)
    }
    let once = DisplayText.escaped("UI\u{200B}CT\u{202E}\n")
    #expect(DisplayText.escaped(once) == once)
  }

  @Test func lineBreaksCanBeKeptForMultiLineOutput() {
    #expect(DisplayText.escaped("a\nb\u{200B}", keepingLineBreaks: true) == "a\nb\\u{200B}")
  }

  @Test func aLongValueIsCutToItsFirstCharactersWithItsLength() {
    let digits = String(repeating: "9", count: 100_000)
    let quoted = DisplayText.quoted(digits)
    #expect(quoted == "'" + String(repeating: "9", count: 80) + "…' (100,000 characters)")
    #expect(DisplayText.quoted("short") == "'short'")
    #expect(DisplayText.quoted(String(repeating: "x", count: 80)) == "'" + String(repeating: "x", count: 80) + "'")
  }

  @Test func aMultiLineValueShowsItsFirstLineOnly() {
    let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin"
    #expect(DisplayText.quoted(passwd) == "'root:x:0:0:root:/root:/bin/bash…' (\(passwd.count) characters, 3 lines)")
  }

  @Test func aQuotedValueIsEscapedToo() {
    #expect(DisplayText.quoted("UI\u{200B}CT") == "'UI\\u{200B}CT'")
  }

  @Test func aMessageHasNoLineLongerThanItsLimitAndKeepsItsEnd() {
    let message = "x.yaml:1:1: in '" + String(repeating: "(", count: 10_000) + "': too deep"
    let shown = DisplayText.message(message, maxLineLength: 200)
    #expect(shown.count < 260)
    #expect(shown.hasPrefix("x.yaml:1:1: in '((("))
    #expect(shown.hasSuffix("(((': too deep"))
    #expect(shown.contains("…(9,827 characters left out)…"))
    #expect(DisplayText.message("a\u{200B}\nb") == "a\\u{200B}\nb")
  }
}
