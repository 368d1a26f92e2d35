package cn.juesuan.read;

import cn.juesuan.model.ReportData;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the product adds to workbooks besides the tables: 单位代码 as a custom document property (Excel keeps it), the 校验结果 sheet. */
public final class WorkbookProperties {
    public static final String UNIT_CODE = "juesuan.unitCode";
    /** Written with self-evaluation sheets, which do not all print the year or unit. */
    public static final String PROFILE = "juesuan.profile";
    public static final String YEAR = "juesuan.year";
    public static final String UNIT_NAME = "juesuan.unitName";
    /** The sheet an annotated copy starts with; it lists findings (and table titles), so it is never read as a table. */
    public static final String RESULT_SHEET = "校验结果";

    private WorkbookProperties() {
    }

    public static void write(Workbook wb, ReportData data) {
        put(wb, UNIT_CODE, data.unit().code());
    }

    public static String unitCode(Workbook wb) {
        return get(wb, UNIT_CODE);
    }

    /** Sets a custom text property (replacing an earlier value); a blank value is not written. */
    public static void put(Workbook wb, String name, String value) {
        if (wb instanceof XSSFWorkbook x && value != null && !value.isBlank()) {
            POIXMLProperties.CustomProperties custom = x.getProperties().getCustomProperties();
            if (custom.contains(name)) {
                custom.getUnderlyingProperties().getPropertyList().removeIf(p -> name.equals(p.getName()));
            }
            custom.addProperty(name, value);
        }
    }

    public static String get(Workbook wb, String name) {
        if (wb instanceof XSSFWorkbook x) {
            var p = x.getProperties().getCustomProperties().getProperty(name);
            if (p != null && p.isSetLpwstr()) {
                return p.getLpwstr();
            }
        }
        return null;
    }
}
