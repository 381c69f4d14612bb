import Foundation
import Testing
@testable import Codeboom
@testable import CodeboomTestSupport

@Suite struct WordReportTests {
    static func docx(_ path: String) throws -> [UInt8] {
        try #require(try HTMLReportTests.files(path)[WordReport.fileName])
    }

    /// A part of the package, read back by our own ZIP reader.
    static func part(_ name: String, of docx: [UInt8]) throws -> String {
        let archive = try ZipArchive(data: Data(docx))
        return String(decoding: try archive.data(for: name), as: UTF8.self)
    }

    @Test("word/document.xml of the mini study matches its reviewed golden file; the .docx is the same bytes on every run")
    func golden() throws {
        let docx = try Self.docx(TestPaths.miniStudy)
        expectGolden(try Self.part("word/document.xml", of: docx), "mini-study/report/rapport-document.xml")
        #expect(try Self.docx(TestPaths.miniStudy) == docx)
    }

    @Test("the charts are in the package as SVG images, each named in its picture and with its text alternative")
    func images() throws {
        let docx = try Self.docx(TestPaths.miniStudy)
        let xml = try Self.part("word/document.xml", of: docx)
        #expect(xml.components(separatedBy: "<asvg:svgBlip").count - 1 == 4)
        #expect(try Self.part("word/media/deelvraag-1.svg", of: docx).contains("<title id=\"deelvraag-1-title\">"))
        #expect(xml.contains("Figuur 1. Deelvraag 1: respondenten per thema en perspectief."))
    }

    @Test("LibreOffice converts rapport.docx to PDF, and its text holds the tables' numbers", .enabled(if: ExternalProgram.find("soffice") != nil && ExternalProgram.find("pdftotext") != nil, "LibreOffice (soffice) or pdftotext is not installed"))
    func libreOffice() throws {
        guard let soffice = ExternalProgram.find("soffice"), let pdftotext = ExternalProgram.find("pdftotext") else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeboom-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rapport.docx")
        try Data(try Self.docx(TestPaths.miniStudy)).write(to: file)
        let conversion = try ExternalProgram.run(soffice, ["-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
                                                           "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path], timeout: 180)
        #expect(conversion.status == 0, Comment(rawValue: conversion.output))
        let text = try ExternalProgram.run(pdftotext, [folder.appendingPathComponent("rapport.pdf").path, "-"])
        let words = text.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        // Hand count (ReportBuilderTests): klik 1/1, 0/1, 2/2, 3/4; snel antwoord 1/1, 0/1, 1/2, 2/4; agendadruk 0/1, 1/1, 1/2, 2/4.
        for number in ["1/1", "0/1", "2/2", "3/4", "1/2", "2/4"] { #expect(words.contains(number), "\(number)") }
        for phrase in ["Tabel met resultaten", "Een goede klik", "Agendadruk", "Citaten per thema", "Overeenstemming tussen codeurs"] {
            #expect(text.output.contains(phrase), "\(phrase)")
        }
        // Text of the SVG charts, drawn by LibreOffice into the PDF.
        #expect(text.output.contains("Deelvraag 1: respondenten per thema en perspectief"))
        #expect(!text.output.contains("Joke"))
    }
}
