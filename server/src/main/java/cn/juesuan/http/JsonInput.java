package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reads JSON input (request body or file) with Json.MAPPER; errors become 400s that name the field in Chinese. */
public final class JsonInput {
    private JsonInput() {
    }

    public static <T> T parse(byte[] json, Class<T> type) {
        if (json == null || isBlank(json)) {
            throw JuesuanException.badRequest("empty_body", "没有收到 JSON 数据（内容为空）。");
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            throw JuesuanException.badRequest("invalid_field", fieldMessage(e));
        } catch (JsonEOFException e) {
            throw JuesuanException.badRequest("malformed_json", "JSON 不完整，内容意外结束" + where(e.getLocation()) + "。");
        } catch (JsonProcessingException e) {
            throw JuesuanException.badRequest("malformed_json", "JSON 格式错误，无法解析" + where(e.getLocation()) + "。");
        } catch (IOException e) {
            throw JuesuanException.badRequest("malformed_json", "JSON 无法读取。");
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A Chinese message that names the field (path like tables.income.rows[0].code). */
    static String fieldMessage(JsonMappingException e) {
        String field = path(e);
        String at = field.isEmpty() ? "顶层" : "字段 " + field + " ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining("、"));
            return "未知字段 " + field + "。" + (known.isEmpty() ? "" : "此处可用的字段：" + known + "。");
        }
        if (e instanceof InvalidFormatException f) {
            return at + "的值 " + quote(f.getValue()) + " 不是" + typeName(f.getTargetType()) + "。";
        }
        if (e.getCause() instanceof JuesuanException j) {
            return j.getMessage();
        }
        if (e instanceof ValueInstantiationException) {
            return at + "的值无效。";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return at + "的类型不对：应为" + typeName(m.getTargetType()) + received(m) + "。";
        }
        return at + "的值无法读取。";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "正确的类型";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == BigInteger.class
                || t == Short.class || t == short.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(t) || t == BigDecimal.class || t == double.class || t == float.class) {
            return "数字";
        }
        if (t == String.class || t == Character.class || t == char.class) {
            return "文本";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true 或 false";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "数组 [...]";
        }
        return "对象 {...}";
    }

    /** "，收到的是数组" from the token Jackson names (or the parser stood on), or nothing when it is not known. */
    private static String received(MismatchedInputException m) {
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("JsonToken\\.(\\w+)").matcher(String.valueOf(m.getOriginalMessage()));
        JsonToken token = t.find() ? JsonToken.valueOf(t.group(1))
                : m.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        if (token == null) {
            return "";
        }
        String what = switch (token) {
            case START_ARRAY, END_ARRAY -> "数组";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "对象";
            case VALUE_STRING -> "文本";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "数字";
            case VALUE_TRUE, VALUE_FALSE -> "逻辑值";
            case VALUE_NULL -> "null";
            default -> null;
        };
        return what == null ? "" : "，收到的是" + what;
    }

    private static String quote(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return "（第 " + loc.getLineNr() + " 行第 " + loc.getColumnNr() + " 列附近）";
    }
}
