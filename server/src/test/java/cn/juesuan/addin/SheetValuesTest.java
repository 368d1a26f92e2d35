package cn.juesuan.addin;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.http.HttpApp;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.support.UsedRanges;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task pane's used-range fallback reads like the workbook itself. */
class SheetValuesTest {
    @Test
    void usedRangeValuesReadLikeTheWorkbook() throws Exception {
        ReportData seed = Fixtures.seed(Fixtures.SEED_004);
        byte[] xlsx = new Filler(Fixtures.registry()).fill(seed);
        byte[] json = Json.MAPPER.writeValueAsBytes(Map.of("sheets", UsedRanges.of(xlsx)));
        JavalinTest.test(HttpApp.create(ServerConfig.defaults(Fixtures.registry())), (server, client) -> {
            JsonNode fromFile = read(client.request(HttpApp.READ, b -> b.post(RequestBody.create(xlsx, MediaType.get(HttpApp.XLSX)))));
            JsonNode fromValues = read(client.request(HttpApp.READ, b -> b.post(RequestBody.create(json, MediaType.get("application/json")))));
            // the unit code lives in a workbook property, which used-range values do not carry
            ((ObjectNode) fromFile.get("data").get("unit")).remove("code");
            ((ObjectNode) fromValues.get("data").get("unit")).remove("code");
            // a formula that sums empty cells reads as absent from the file and as 0 from values: both mean nothing
            assertEquals(withoutZeros(fromFile.get("data")), withoutZeros(fromValues.get("data")));
            assertTrue(fromValues.get("data").get("tables").size() >= 10);
        });
    }

    /** The node without numeric zero fields, and without objects left empty by that. */
    static JsonNode withoutZeros(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            n.fields().forEachRemaining(e -> {
                JsonNode v = withoutZeros(e.getValue());
                if (!(v.isNumber() && v.decimalValue().signum() == 0) && !(v.isObject() && v.isEmpty())) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (n.isArray()) {
            var out = Json.MAPPER.createArrayNode();
            n.forEach(x -> out.add(withoutZeros(x)));
            return out;
        }
        return n;
    }

    private static JsonNode read(Response r) throws Exception {
        String body = r.body().string();
        assertEquals(200, r.code(), body);
        return Json.MAPPER.readTree(body);
    }

    @Test
    void valuesArePlacedFromTheTopLeftOfTheAddress() throws Exception {
        String json = "{\"sheets\":[{\"name\":\"表1\",\"address\":\"'表1'!C3:D4\",\"values\":[[\"收入\",1447.01],[\"\",true]]}]}";
        byte[] xlsx = SheetValues.toXlsx(json.getBytes(StandardCharsets.UTF_8));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("表1");
            assertEquals("收入", sheet.getRow(2).getCell(2).getStringCellValue());
            assertEquals(1447.01, sheet.getRow(2).getCell(3).getNumericCellValue());
            assertEquals(null, sheet.getRow(3).getCell(2));
            assertTrue(sheet.getRow(3).getCell(3).getBooleanCellValue());
        }
    }

    @Test
    void badSheetJsonIsA400NamingTheField() {
        for (String bad : List.of("{\"sheets\":[]}", "{\"sheets\":[{\"name\":\"a/b\",\"values\":[]}]}",
                "{\"sheets\":[{\"name\":\"a\",\"values\":[]},{\"name\":\"A\",\"values\":[]}]}",
                "{\"sheets\":[{\"name\":\"a\",\"address\":\"hello\",\"values\":[[1]]}]}",
                "{\"sheets\":[{\"name\":\"a\",\"address\":\"XFD1\",\"values\":[[1,2]]}]}",
                "{\"sheets\":[{\"name\":\"a\",\"values\":[[{\"x\":1}]]}]}", "{\"sheets\":3}", "{")) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> SheetValues.toXlsx(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(400, e.status(), bad);
        }
    }
}
