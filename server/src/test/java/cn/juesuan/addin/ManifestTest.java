package cn.juesuan.addin;

import cn.juesuan.core.JuesuanException;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The add-in manifest: valid against the Office XSDs (../shared/office-addin-schemas) and clean under the lint. */
class ManifestTest {
    static final Path SCHEMAS = Path.of("..", "shared", "office-addin-schemas").toAbsolutePath().normalize();
    static final String ORIGIN = "https://juesuan.example.gov.cn:8443";

    static Schema schema() throws SAXException {
        Path xsd = SCHEMAS.resolve("OfficeAppManifestV1_1.xsd");
        // no skip: CI must have the schemas beside the repository
        assertTrue(Files.isRegularFile(xsd), "manifest schemas missing: " + xsd);
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(xsd.toFile()); // the imports resolve relative to it
    }

    static void validate(String xml) throws SAXException, IOException {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static String manifest() {
        return Manifest.render(ORIGIN, "origin");
    }

    @Test
    void renderedManifestValidatesAgainstTheXsd() throws Exception {
        validate(manifest());
        validate(Manifest.render("https://localhost:8443", "origin"));
    }

    @Test
    void renderedManifestPassesTheLint() {
        assertEquals(List.of(), ManifestLint.check(manifest()));
    }

    @Test
    void everyUrlPointsAtTheOriginOverHttps() {
        String xml = manifest();
        assertFalse(xml.contains(Manifest.PLACEHOLDER));
        assertTrue(xml.contains("<AppDomain>" + ORIGIN + "</AppDomain>"));
        assertTrue(xml.contains("DefaultValue=\"" + ORIGIN + "/addin/taskpane.html\""));
        assertTrue(xml.contains("DefaultValue=\"" + ORIGIN + "/addin/taskpane.html?action=validate\""));
        var m = java.util.regex.Pattern.compile("DefaultValue=\"(https?://[^\"]+)\"").matcher(xml);
        int urls = 0;
        while (m.find()) {
            assertTrue(m.group(1).startsWith(ORIGIN + "/addin/"), m.group(1));
            urls++;
        }
        assertTrue(urls >= 20, "urls " + urls);
    }

    @Test
    void ribbonHasTheFourChineseButtons() {
        String xml = manifest();
        for (String label : List.of("决算助手", "校验", "从上年填充", "生成空白表", "打开面板")) {
            assertTrue(xml.contains("DefaultValue=\"" + label + "\""), label);
        }
        assertTrue(xml.contains("<Set Name=\"ExcelApi\" MinVersion=\"1.1\"/>"));
        assertTrue(xml.contains("<Permissions>ReadWriteDocument</Permissions>"));
    }

    @Test
    void iconsTheManifestNamesAreBundled() {
        var m = java.util.regex.Pattern.compile("/addin/(assets/[a-z]+-\\d+\\.png)").matcher(manifest());
        int n = 0;
        while (m.find()) {
            assertTrue(new AddinFiles(null).get(m.group(1)).isPresent(), m.group(1));
            n++;
        }
        assertTrue(n >= 17, "icons " + n);
    }

    @Test
    void originMustBeAnHttpsOriginWithoutPath() {
        assertEquals("https://localhost:8443", Origin.https(" https://LocalHost:8443/ ", "o"));
        assertEquals("https://host.example", Origin.https("https://host.example:443", "o"));
        assertEquals("https://[::1]:8443", Origin.https("https://[::1]:8443", "o"));
        for (String bad : List.of("http://localhost:8443", "localhost:8443", "https://h/addin", "https://h:99999",
                "https://h?x=1", "https://a b", "ftp://h", "https://h:8443\"/><x")) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> Origin.https(bad, "--origin"), bad);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("--origin"), e.getMessage());
        }
        assertEquals("missing_parameter", assertThrows(JuesuanException.class, () -> Origin.https(null, "o")).code());
    }

    // --- the lint and the XSD catch what they should: mutations of the real manifest -------------------------

    private static void lintFinds(String mutated, String expected) {
        List<String> problems = ManifestLint.check(mutated);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not in " + problems);
    }

    @Test
    void lintCatchesHttpUrls() {
        lintFinds(manifest().replace("DefaultValue=\"" + ORIGIN + "/addin/help.html\"",
                "DefaultValue=\"http://juesuan.example.gov.cn/addin/help.html\""), "不是 https");
        lintFinds(manifest().replace("<AppDomain>" + ORIGIN, "<AppDomain>http://juesuan.example.gov.cn"), "AppDomain 不是 https");
    }

    @Test
    void lintCatchesMissingIconSizes() {
        String xml = manifest();
        int at = xml.indexOf("<bt:Image size=\"80\" resid=\"Validate.80\"/>");
        String mutated = xml.substring(0, at) + xml.substring(at + "<bt:Image size=\"80\" resid=\"Validate.80\"/>".length());
        lintFinds(mutated, "Control Juesuan.Validate 的 Icon 缺少 80 像素图标");
        lintFinds(manifest().replaceFirst("<HighResolutionIconUrl [^>]+/>", ""), "HighResolutionIconUrl");
    }

    @Test
    void lintCatchesUnresolvedResidsAndWrongLists() {
        lintFinds(manifest().replace("<Label resid=\"Fill.Label\"/>", "<Label resid=\"Fill.Lable\"/>"), "Fill.Lable");
        // a LongString used as a Label: exists, but in the wrong list
        lintFinds(manifest().replace("<Label resid=\"Fill.Label\"/>", "<Label resid=\"Fill.Tip\"/>"), "不在 bt:ShortStrings");
        lintFinds(manifest().replace("<SourceLocation resid=\"Blank.Url\"/>", "<SourceLocation resid=\"Blank.16\"/>"), "不在 bt:Urls");
    }

    @Test
    void lintCatchesDuplicateIds() {
        lintFinds(manifest().replace("id=\"Juesuan.Blank\"", "id=\"Juesuan.Validate\""), "Juesuan.Validate");
        lintFinds(manifest().replace("<bt:String id=\"Blank.Label\"", "<bt:String id=\"Fill.Label\""), "重复");
    }

    @Test
    void lintCatchesExecuteFunctionWithoutFunctionFile() {
        String mutated = manifest().replaceFirst("<Action xsi:type=\"ShowTaskpane\">\\s*<TaskpaneId>[^<]+</TaskpaneId>\\s*"
                + "<SourceLocation resid=\"Blank.Url\"/>\\s*</Action>", "<Action xsi:type=\"ExecuteFunction\"><FunctionName>blank</FunctionName></Action>");
        assertTrue(mutated.contains("ExecuteFunction"));
        lintFinds(mutated, "FunctionFile");
    }

    @Test
    void lintCatchesWrongPermissionsHostAndXsiNamespace() {
        lintFinds(manifest().replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"), "ReadWriteDocument");
        lintFinds(manifest().replace("<Host Name=\"Workbook\"/>", "<Host Name=\"Document\"/>"), "Workbook");
        lintFinds(manifest().replace("xmlns:xsi=\"http://www.w3.org/", "xmlns:xsi=\"https://www.w3.org/"), "xsi:type");
        lintFinds(manifest().replace("DefaultValue=\"生成空白表\"", "DefaultValue=\"\""), "文字长度");
    }

    @Test
    void xsdCatchesWrongElementOrder() {
        String xml = manifest();
        String label = "              <Label resid=\"Tab.Label\"/>\n";
        assertTrue(xml.contains(label));
        String mutated = xml.replace(label, "").replace("<CustomTab id=\"Juesuan.Tab\">\n",
                "<CustomTab id=\"Juesuan.Tab\">\n" + label);
        assertThrows(SAXException.class, () -> validate(mutated));
        assertThrows(SAXException.class, () -> validate(xml.replace("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>")));
    }
}
