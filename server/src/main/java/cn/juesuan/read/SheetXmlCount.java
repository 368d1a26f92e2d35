package cn.juesuan.read;

import cn.juesuan.core.Budget;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts cell (&lt;c&gt;) and row (&lt;row&gt;) elements in a part's XML by scanning its bytes, without building
 * anything: how a sheet of a million rows is refused before POI makes a million row objects. Any namespace prefix
 * counts (x:c); elements of the same local name in other parts are counted too, which errs on the safe side.
 */
final class SheetXmlCount {
    private static final int CHECK_EVERY = 1 << 20;

    private SheetXmlCount() {
    }

    /**
     * @param counted cells seen in earlier parts
     * @return counted plus this part's cells and rows
     * @throws cn.juesuan.core.JuesuanException 413 as soon as the total passes the budget's limit
     */
    static long cellsAndRows(InputStream in, long counted, Budget budget) throws IOException {
        byte[] buf = new byte[64 * 1024];
        // state: 0 outside a tag; 1 just after '<'; 2 in a name; 3 in a tag after its name
        int state = 0;
        int nameLength = 0;
        byte first = 0;
        byte second = 0;
        byte third = 0;
        long sinceCheck = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            sinceCheck += n;
            if (sinceCheck > CHECK_EVERY) {
                budget.checkTime();
                sinceCheck = 0;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                switch (state) {
                    case 0 -> state = b == '<' ? 1 : 0;
                    case 1 -> {
                        if (b == '/' || b == '?' || b == '!') {
                            state = 3;
                        } else {
                            state = 2;
                            nameLength = 1;
                            first = b;
                        }
                    }
                    case 2 -> {
                        if (b == ':') {
                            nameLength = 0; // a prefix: the local name follows
                        } else if (b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                            if (nameLength == 1 && first == 'c'
                                    || nameLength == 3 && first == 'r' && second == 'o' && third == 'w') {
                                if (++counted > budget.maxCells()) {
                                    throw budget.tooManyCells(counted);
                                }
                            }
                            state = b == '>' ? 0 : 3;
                        } else {
                            if (nameLength == 0) {
                                first = b;
                            } else if (nameLength == 1) {
                                second = b;
                            } else if (nameLength == 2) {
                                third = b;
                            }
                            nameLength++;
                        }
                    }
                    default -> state = b == '>' ? 0 : 3;
                }
            }
        }
        return counted;
    }
}
