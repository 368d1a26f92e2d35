package cn.juesuan.codes;

import cn.juesuan.codes.Lookup.Basis;
import cn.juesuan.codes.NameCheck.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.juesuan.codes.Scheme.ECONOMIC_DEPARTMENT;
import static cn.juesuan.codes.Scheme.ECONOMIC_GOVERNMENT;
import static cn.juesuan.codes.Scheme.FUNCTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases from seed 004 (2024, 遂宁市科学技术局) and seed 000 (2020, 泸州市科技创新服务中心) and the code lists. */
class CodeCatalogueTest {
    private static CodeCatalogue cat;

    @BeforeAll
    static void load() {
        // surefire runs in the project root, where templates/ lives
        cat = CodeCatalogue.load(Path.of("templates"));
    }

    @Test
    void shippedDataLoadsCleanFromDiskAndClasspath() {
        assertEquals(List.of(), cat.loadWarnings());
        assertTrue(cat.origin().endsWith("codes"), cat.origin());
        CodeCatalogue jar = CodeCatalogue.load(null);
        assertEquals(List.of(), jar.loadWarnings());
        assertTrue(jar.origin().startsWith("classpath:"));
        for (Scheme s : Scheme.values()) {
            assertEquals(cat.entries(s), jar.entries(s));
            assertFalse(cat.entries(s).isEmpty());
        }
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), List.copyOf(cat.verifiedYears(FUNCTION)));
        assertEquals(List.of(2020, 2023, 2024, 2025, 2026), List.copyOf(cat.verifiedYears(ECONOMIC_DEPARTMENT)));
    }

    @Test
    void folderWithoutCodesFallsBackToClasspath(@TempDir Path empty) {
        CodeCatalogue c = CodeCatalogue.load(empty);
        assertTrue(c.origin().startsWith("classpath:"));
        assertEquals(Status.MATCH, c.checkName(FUNCTION, 2024, "2210201", "住房公积金").status());
    }

    // ---- levels and parents ----

    @ParameterizedTest
    @CsvSource({"206,类", "20601,款", "2060101,项", "'206 01 01',项", "２０６０１０１,项", "2060101.0,项"})
    void functionLevels(String code, String level) {
        assertEquals(level, CodeCatalogue.levelOf(FUNCTION, code));
    }

    @ParameterizedTest
    @CsvSource({"20", "2060", "206010", "20601011", "2O6", "''"})
    void wrongLengthHasNoLevel(String code) {
        assertNull(CodeCatalogue.levelOf(FUNCTION, code));
    }

    @Test
    void economicLevels() {
        assertEquals("类", CodeCatalogue.levelOf(ECONOMIC_DEPARTMENT, "301"));
        assertEquals("款", CodeCatalogue.levelOf(ECONOMIC_DEPARTMENT, "30101"));
        assertNull(CodeCatalogue.levelOf(ECONOMIC_DEPARTMENT, "3010101"));
        assertEquals("款", CodeCatalogue.levelOf(ECONOMIC_GOVERNMENT, "50101"));
        assertNull(CodeCatalogue.levelOf(ECONOMIC_GOVERNMENT, "5010"));
    }

    @Test
    void parents() {
        assertEquals("20601", CodeCatalogue.parentOf("2060101"));
        assertEquals("206", CodeCatalogue.parentOf("20601"));
        assertNull(CodeCatalogue.parentOf("206"));
        assertEquals("301", CodeCatalogue.parentOf("30101"));
        assertNull(CodeCatalogue.parentOf("206010"));
    }

    // ---- seed 004, 2024 ----

    @ParameterizedTest
    @CsvSource({
            "2080501,行政单位离退休", "2080502,事业单位离退休", "2080505,机关事业单位基本养老保险缴费支出",
            "2101101,行政单位医疗", "2101102,事业单位医疗", "2210201,住房公积金",
            "206,科学技术支出", "20805,行政事业单位养老支出", "21011,行政事业单位医疗", "22102,住房改革支出"})
    void seed004VerifiedIn2024(String code, String name) {
        NameCheck c = cat.checkName(FUNCTION, 2024, code, name);
        assertEquals(Status.MATCH, c.status(), c.message());
        assertEquals(Basis.VERIFIED_YEAR, c.lookup().basis());
        assertEquals("function-classification-2024.csv", c.lookup().entries().get(0).source());
        assertFalse(c.isProblem());
    }

    @ParameterizedTest
    @CsvSource({
            "2060101,行政运行", "2060102,一般行政管理事务", "2060199,其他科学技术管理事务支出",
            "2060201,机构运行", "2060206,科技人才队伍建设", "2060404,科技成果转化与扩散",
            "2060502,技术创新服务体系", "2060899,其他科技交流与合作支出", "2069901,科技奖励",
            "2080801,死亡抚恤", "2011308,招商引资"})
    void seed004OnlyInUnverifiedListFor2024(String code, String name) {
        NameCheck c = cat.checkName(FUNCTION, 2024, code, name);
        assertEquals(Status.UNVERIFIED_ONLY, c.status(), c.message());
        assertTrue(c.nameMatches(), c.message());
        assertFalse(c.isProblem());
        assertFalse(c.canBeError());
        assertTrue(c.lookup().known());
        assertFalse(c.lookup().verified());
    }

    @Test
    void unverifiedCodeReportsNearestVerifiedYear() {
        Lookup death = cat.lookup(FUNCTION, 2024, "2080801");
        assertEquals(Basis.UNVERIFIED, death.basis());
        assertEquals(2025, death.nearestYear());
        assertTrue(death.nearestYearVerified());
        Lookup tech = cat.lookup(FUNCTION, 2024, "2060502");
        assertEquals(2023, tech.nearestYear());
        assertNull(cat.lookup(FUNCTION, 2024, "2011308").nearestYear());
    }

    @Test
    void codesAsGivenInTheBriefDoNotMatchTheirNames() {
        // 2060799 is 其他科学技术普及支出; 其他科技交流与合作支出 is 2060899
        NameCheck exchange = cat.checkName(FUNCTION, 2024, "2060799", "其他科技交流与合作支出");
        assertEquals(Status.UNVERIFIED_ONLY, exchange.status());
        assertFalse(exchange.nameMatches());
        assertEquals(List.of("其他科学技术普及支出"), exchange.expectedNames());
        assertTrue(exchange.isProblem());
        assertFalse(exchange.canBeError(), "unverified list: 提示 only");
        assertTrue(exchange.message().contains("其他科学技术普及支出"), exchange.message());
        // 2069903 is 转制科研机构 in the unverified list; 科技奖励 is 2069901
        NameCheck award = cat.checkName(FUNCTION, 2024, "2069903", "科技奖励");
        assertEquals(Status.UNVERIFIED_ONLY, award.status());
        assertFalse(award.nameMatches());
        assertEquals(List.of("转制科研机构"), award.expectedNames());
    }

    @Test
    void seed004CategoryNamesWithoutTrailingZhichu() {
        // 决算说明 prints "社会保障和就业（类）行政事业单位养老支出（款）行政单位离退休（项）"
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "208", "社会保障和就业（类）").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "210", "卫生健康").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "201", "一般公共服务").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "206", "科学技术（类）").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "20805", "行政事业单位养老支出（款）").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "2080501", "行政单位离退休（项）").status());
        // the 支出 rule is for 类 only: 名词解释 prints 其他科技交流与合作（项）
        NameCheck item = cat.checkName(FUNCTION, 2024, "2060899", "其他科技交流与合作（项）");
        assertFalse(item.nameMatches());
    }

    @Test
    void splitsSeedPathText() {
        assertEquals(List.of("科学技术支出", "技术研究与开发", "科技成果转化与扩散"),
                NameRules.splitLevelPath("7.科学技术支出（类）技术研究与开发（款）科技成果转化与扩散（项）:支出决算为254.03万元")
                        .stream().map(s -> s.replaceFirst("^\\d+\\.", "")).toList());
        assertEquals(List.of("社会保障和就业", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
                NameRules.splitLevelPath("社会保障和就业（类）行政事业单位养老支出（款）   机关事业单位基本养老保险缴费支出（项）"));
    }

    @Test
    void wrongNameAgainstVerifiedListIsMismatch() {
        NameCheck c = cat.checkName(FUNCTION, 2024, "2101101", "事业单位医疗");
        assertEquals(Status.MISMATCH, c.status());
        assertEquals(List.of("行政单位医疗"), c.expectedNames());
        assertTrue(c.canBeError());
        assertTrue(c.message().contains("行政单位医疗") && c.message().contains("事业单位医疗"), c.message());
    }

    // ---- seed 000, 2020 ----

    @ParameterizedTest
    @CsvSource({"2060199,其他科学技术管理事务支出", "2060502,技术创新服务体系", "2069999,其他科学技术支出",
            "2080505,机关事业单位基本养老保险缴费支出", "2080506,机关事业单位职业年金缴费支出", "2210201,住房公积金"})
    void seed000In2020(String code, String name) {
        NameCheck c = cat.checkName(FUNCTION, 2020, code, name);
        assertEquals(Status.UNVERIFIED_ONLY, c.status(), c.message());
        assertTrue(c.nameMatches());
        assertFalse(c.canBeError());
    }

    @Test
    void nameRenamedAfter2020() {
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2020, "2100409", "重大公共卫生专项").status());
        NameCheck old = cat.checkName(FUNCTION, 2020, "2100409", "重大公共卫生服务");
        assertEquals(Status.MISMATCH, old.status());
        assertTrue(old.canBeError());
        NameCheck later = cat.checkName(FUNCTION, 2022, "2100409", "重大公共卫生服务");
        assertEquals(Status.UNVERIFIED_ONLY, later.status());
        assertTrue(later.nameMatches());
    }

    // ---- variants ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024|30213|维修(护)费", "2024|30213|维修 （护） 费", "2025|30213|维修（护）费",
            "2024|30212|因公出国(境)费用", "2024|30303|退职(役)费", "2024|30101|基 本 工 资",
            "2024|30101|基本工资　", "2024|301|工资福利"})
    void bracketAndSpaceVariantsAreEqual(int year, String code, String name) {
        NameCheck c = cat.checkName(ECONOMIC_DEPARTMENT, year, code, name);
        assertEquals(Status.MATCH, c.status(), c.message());
    }

    @Test
    void functionBracketVariants() {
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2025, "20103", "政府办公厅(室)及相关机构事务").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "2130508", "\"三西\"农业建设专项补助").status());
        assertEquals(Status.MATCH, cat.checkName(FUNCTION, 2024, "２１０１１０１", "行政单位医疗").status());
        // 其它 = 其他
        NameCheck other = cat.checkName(FUNCTION, 2022, "2081199", "其它残疾人事业支出");
        assertEquals(Status.UNVERIFIED_ONLY, other.status());
        assertTrue(other.nameMatches());
    }

    // ---- unknown / invalid ----

    @Test
    void unknownCode() {
        NameCheck c = cat.checkName(FUNCTION, 2024, "2069998", "随便什么");
        assertEquals(Status.UNKNOWN_CODE, c.status());
        assertEquals(Basis.UNKNOWN, c.lookup().basis());
        assertFalse(c.lookup().listComplete());
        assertFalse(c.canBeError(), "lists are partial: unknown is a 提示");
        assertTrue(c.message().contains("目录不完整"), c.message());
    }

    @Test
    void codeListedOnlyForOtherYears() {
        // 20139 社会工作事务 starts in 2024
        Lookup l = cat.lookup(FUNCTION, 2023, "20139");
        assertEquals(Basis.OTHER_YEARS, l.basis());
        assertEquals(2024, l.nearestYear());
        assertTrue(l.nearestYearVerified());
        assertEquals(List.of("社会工作事务"), l.names());
        assertEquals(Status.UNKNOWN_CODE, cat.checkName(FUNCTION, 2023, "20139", "社会工作事务").status());
        // 2026 has its own (partial) list without 2060101; the unverified range ends in 2025
        Lookup later = cat.lookup(FUNCTION, 2026, "2060101");
        assertEquals(Basis.OTHER_YEARS, later.basis());
        assertEquals(2025, later.nearestYear());
        assertFalse(later.nearestYearVerified());
    }

    @Test
    void wrongLength() {
        NameCheck c = cat.checkName(FUNCTION, 2024, "206010", "行政运行");
        assertEquals(Status.INVALID_CODE, c.status());
        assertTrue(c.canBeError());
        assertTrue(c.message().contains("3/5/7"), c.message());
        NameCheck e = cat.checkName(ECONOMIC_DEPARTMENT, 2024, "3010101", "基本工资");
        assertEquals(Status.INVALID_CODE, e.status());
        assertTrue(e.message().contains("3/5"), e.message());
    }

    // ---- economic ----

    @ParameterizedTest
    @CsvSource({"30101,基本工资", "30217,公务接待费", "31013,公务用车购置", "30231,公务用车运行维护费",
            "30108,机关事业单位基本养老保险缴费", "30399,其他对个人和家庭的补助", "310,资本性支出"})
    void economicDepartment2024(String code, String name) {
        NameCheck c = cat.checkName(ECONOMIC_DEPARTMENT, 2024, code, name);
        assertEquals(Status.MATCH, c.status(), c.message());
    }

    @Test
    void economicNonStandardNamesFromTFly24AreMismatches() {
        // T-FLY24 numbers 302 sequentially: "302 02 咨询费"
        NameCheck c = cat.checkName(ECONOMIC_DEPARTMENT, 2024, "30202", "咨询费");
        assertEquals(Status.MISMATCH, c.status());
        assertEquals(List.of("印刷费"), c.expectedNames());
        assertEquals(Status.MISMATCH,
                cat.checkName(ECONOMIC_DEPARTMENT, 2024, "30108", "机关事业单位基本养老保险费").status());
        assertEquals(Status.MISMATCH, cat.checkName(ECONOMIC_DEPARTMENT, 2024, "30217", "公务接待").status());
    }

    @Test
    void economicYearFallback() {
        // 2021 has no list: closest earlier verified year (2020) has 30101
        Lookup l = cat.lookup(ECONOMIC_DEPARTMENT, 2021, "30101");
        assertEquals(Basis.VERIFIED_EARLIER_YEAR, l.basis());
        assertEquals(2020, l.basisYear());
        assertTrue(l.verified());
        assertTrue(l.describe().contains("2020"), l.describe());
        // 30217 is not in the 2020 list: unverified range
        assertEquals(Basis.UNVERIFIED, cat.lookup(ECONOMIC_DEPARTMENT, 2021, "30217").basis());
        // 2027 has no list: 30101 from 2026, 30103 (not in 2026) from 2025
        assertEquals(2026, cat.lookup(ECONOMIC_DEPARTMENT, 2027, "30101").basisYear());
        Lookup bonus = cat.lookup(ECONOMIC_DEPARTMENT, 2027, "30103");
        assertEquals(Basis.VERIFIED_EARLIER_YEAR, bonus.basis());
        assertEquals(2025, bonus.basisYear());
        // a mismatch against an earlier year's list stays a 提示
        NameCheck renamed = cat.checkName(ECONOMIC_DEPARTMENT, 2027, "30101", "基本工资（新）");
        assertEquals(Status.MISMATCH, renamed.status());
        assertFalse(renamed.canBeError());
        // 31013 in 2025: not in the 2025 list, but in the unverified range
        assertEquals(Status.UNVERIFIED_ONLY, cat.checkName(ECONOMIC_DEPARTMENT, 2025, "31013", "公务用车购置").status());
    }

    @Test
    void economicGovernment() {
        assertEquals(Status.MATCH, cat.checkName(ECONOMIC_GOVERNMENT, 2020, "50101", "工资奖金津补贴").status());
        assertEquals(Basis.VERIFIED_EARLIER_YEAR, cat.lookup(ECONOMIC_GOVERNMENT, 2024, "50101").basis());
        assertEquals(Status.UNVERIFIED_ONLY, cat.checkName(ECONOMIC_GOVERNMENT, 2024, "50209", "维修(护)费").status());
    }

    // ---- administrator adds a list ----

    @Test
    void administratorAddsCompleteList(@TempDir Path root) throws IOException {
        Path codes = Files.createDirectories(root.resolve("codes"));
        Files.writeString(codes.resolve("function-classification-2027.csv"),
                "\uFEFFcode,name,level\n206,科学技术支出,类\n20601,科学技术管理事务,款\n2060101,行政运行,项\n"
                        + "20601x,坏行,款\n2060102,一般行政管理事务,款\n", StandardCharsets.UTF_8);
        Files.writeString(codes.resolve("index.json"), """
                {"files": [{"file": "function-classification-2027.csv", "scheme": "FUNCTION",
                            "fromYear": 2027, "toYear": 2027, "verified": true, "complete": true}]}
                """, StandardCharsets.UTF_8);
        CodeCatalogue c = CodeCatalogue.load(root);
        assertEquals(2, c.loadWarnings().size(), c.loadWarnings().toString()); // bad code; level mismatch
        assertEquals(Status.MATCH, c.checkName(FUNCTION, 2027, "2060101", "行政运行").status());
        assertEquals(Status.MATCH, c.checkName(FUNCTION, 2027, "2060102", "一般行政管理事务").status());
        NameCheck unknown = c.checkName(FUNCTION, 2027, "2060199", "其他科学技术管理事务支出");
        assertEquals(Status.UNKNOWN_CODE, unknown.status());
        assertTrue(unknown.canBeError(), "complete list: unknown code is an 错误");
    }
}
