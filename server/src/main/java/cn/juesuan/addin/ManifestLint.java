package cn.juesuan.addin;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the manifest XSD does not check (shared/domain/office-addin.md §1.3): https everywhere, 16/32/80 px icons, every
 * resid resolving in the right resource list, unique ids, FunctionFile when ExecuteFunction is used, ReadWriteDocument,
 * Workbook hosts, string lengths. Returns the problems in Chinese; an empty list means the manifest passes.
 */
public final class ManifestLint {
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static final Pattern URL = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*)://");
    /** Which resource list a resid on an element of this name must resolve in. */
    private static final Map<String, String> LIST_OF = Map.of(
            "Label", "ShortStrings", "Title", "ShortStrings", "Description", "LongStrings",
            "SourceLocation", "Urls", "FunctionFile", "Urls", "LearnMoreUrl", "Urls", "Image", "Images");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("ShortStrings", 125, "LongStrings", 250);

    private ManifestLint() {
    }

    public static List<String> check(String xml) {
        List<String> problems = new ArrayList<>();
        Document doc;
        try {
            doc = parse(xml);
        } catch (SAXException | IOException e) {
            return List.of("清单不是合法的 XML：" + e.getMessage());
        }
        if (xml.contains("{{")) {
            problems.add("清单里还有未替换的占位符 {{…}}。");
        }
        Element root = doc.getDocumentElement();
        if (!"TaskPaneApp".equals(root.getAttributeNS(XSI, "type"))) {
            problems.add("根元素 OfficeApp 缺少 xsi:type=\"TaskPaneApp\"（xmlns:xsi 必须是 " + XSI + "，http 而非 https）。");
        }
        urls(root, problems);
        icons(doc, problems);
        resids(doc, problems);
        ids(doc, problems);
        if (!byName(doc, "Action").stream().filter(a -> "ExecuteFunction".equals(a.getAttributeNS(XSI, "type"))).toList().isEmpty()
                && byName(doc, "FunctionFile").isEmpty()) {
            problems.add("有按钮使用 ExecuteFunction，但 DesktopFormFactor 里没有 FunctionFile。");
        }
        List<Element> permissions = byName(doc, "Permissions");
        if (permissions.size() != 1 || !"ReadWriteDocument".equals(permissions.get(0).getTextContent().strip())) {
            problems.add("Permissions 必须是 ReadWriteDocument（调用任何 Excel API 都需要，即使只读）。");
        }
        for (Element h : byName(doc, "Host")) {
            String host = h.hasAttribute("Name") ? h.getAttribute("Name") : h.getAttributeNS(XSI, "type");
            if (!"Workbook".equals(host)) {
                problems.add("Host 应为 Workbook（Excel），发现的是“" + host + "”。");
            }
        }
        if (byName(doc, "IconUrl").isEmpty() || byName(doc, "HighResolutionIconUrl").isEmpty()) {
            problems.add("缺少 IconUrl（32 像素）或 HighResolutionIconUrl（64 像素）。");
        }
        return problems;
    }

    /** Every attribute value or text that is a URL must be https. */
    private static void urls(Element e, List<String> problems) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getName().startsWith("xmlns")) {
                continue; // namespace names are identifiers, not addresses
            }
            url(a.getValue(), e.getLocalName() + "/@" + a.getName(), problems);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                urls(child, problems);
            } else if (n.getNodeType() == Node.TEXT_NODE) {
                url(n.getNodeValue(), e.getLocalName(), problems);
            }
        }
    }

    private static void url(String value, String where, List<String> problems) {
        Matcher m = URL.matcher(value);
        if (m.find() && !m.group(1).equals("https")) {
            problems.add(where + " 不是 https 地址：" + value.strip());
        }
    }

    private static void icons(Document doc, List<String> problems) {
        for (Element icon : byName(doc, "Icon")) {
            Set<String> sizes = new HashSet<>();
            for (Element img : children(icon, "Image")) {
                sizes.add(img.getAttribute("size"));
            }
            for (String size : List.of("16", "32", "80")) {
                if (!sizes.contains(size)) {
                    problems.add(owner(icon) + " 的 Icon 缺少 " + size + " 像素图标。");
                }
            }
        }
    }

    private static void resids(Document doc, List<String> problems) {
        Map<String, Map<String, String>> lists = new HashMap<>();
        for (String list : List.of("Images", "Urls", "ShortStrings", "LongStrings")) {
            Map<String, String> values = new HashMap<>();
            for (Element listEl : byNameNs(doc, BT, list)) {
                for (Node n = listEl.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element item) {
                        String id = item.getAttribute("id");
                        if (values.put(id, item.getAttribute("DefaultValue")) != null) {
                            problems.add("资源 bt:" + list + " 里的 id “" + id + "” 重复。");
                        }
                        Integer max = MAX_LENGTH.get(list);
                        int len = item.getAttribute("DefaultValue").length();
                        if (max != null && (len == 0 || len > max)) {
                            problems.add("资源 " + id + " 的文字长度应为 1–" + max + "，实际 " + len + "。");
                        }
                    }
                }
            }
            lists.put(list, values);
        }
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!e.hasAttribute("resid")) {
                continue;
            }
            String resid = e.getAttribute("resid");
            String list = LIST_OF.get(e.getLocalName());
            if (list == null) {
                problems.add("不认识带 resid 的元素 " + e.getLocalName() + "。");
            } else if (!lists.get(list).containsKey(resid)) {
                problems.add(owner(e) + " 的 " + e.getLocalName() + " 引用的 resid “" + resid + "” 不在 bt:" + list + " 里。");
            }
        }
    }

    private static void ids(Document doc, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String name : List.of("CustomTab", "Group", "Control")) {
            for (Element e : byName(doc, name)) {
                String id = e.getAttribute("id");
                if (id.isEmpty() || id.length() > 125) {
                    problems.add(name + " 的 id 应为 1–125 个字符：“" + id + "”。");
                } else if (!seen.add(id)) {
                    problems.add("id “" + id + "” 重复（选项卡、组和按钮的 id 须各不相同）。");
                }
            }
        }
    }

    private static String owner(Element e) {
        for (Node n = e; n != null; n = n.getParentNode()) {
            if (n instanceof Element el && el.hasAttribute("id")
                    && List.of("Control", "Group", "CustomTab").contains(el.getLocalName())) {
                return el.getLocalName() + " " + el.getAttribute("id");
            }
        }
        return e.getLocalName();
    }

    private static List<Element> byName(Document doc, String localName) {
        return byNameNs(doc, "*", localName);
    }

    private static List<Element> byNameNs(Document doc, String ns, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Document parse(String xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
