package cn.juesuan.read;

import cn.juesuan.model.ReportData;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the product adds to workbooks besides the tables: 单位代码 as a custom document property (Excel keeps it), the 校验结果 sheet. */
public final class WorkbookProperties {
    public static final String UNIT_CODE = "juesuan.unitCode";
    /** The sheet an annotated copy starts with; it lists findings (and table titles), so it is never read as a table. */
    public static final String RESULT_SHEET = "校验结果";

    private WorkbookProperties() {
    }

    public static void write(Workbook wb, ReportData data) {
        if (wb instanceof XSSFWorkbook x && data.unit().code() != null && !data.unit().code().isBlank()) {
            POIXMLProperties.CustomProperties custom = x.getProperties().getCustomProperties();
            if (custom.contains(UNIT_CODE)) {
                custom.getUnderlyingProperties().getPropertyList().removeIf(p -> UNIT_CODE.equals(p.getName()));
            }
            custom.addProperty(UNIT_CODE, data.unit().code());
        }
    }

    public static String unitCode(Workbook wb) {
        if (wb instanceof XSSFWorkbook x) {
            var p = x.getProperties().getCustomProperties().getProperty(UNIT_CODE);
            if (p != null && p.isSetLpwstr()) {
                return p.getLpwstr();
            }
        }
        return null;
    }
}
