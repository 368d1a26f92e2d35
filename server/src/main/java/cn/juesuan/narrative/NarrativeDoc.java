package cn.juesuan.narrative;

import java.util.List;

/**
 * The generated 决算情况说明 before it becomes a .docx: headings, paragraphs and charts in order. Text between 【 and 】
 * is for a person to fill in.
 */
public record NarrativeDoc(String title, List<Block> blocks) {
    public sealed interface Block permits Heading, Para, Chart {
    }

    /** level 1: 一、…; level 2: （一）… */
    public record Heading(int level, String text) implements Block {
    }

    public record Para(String text) implements Block {
    }

    /** A chart and, under it, its caption. */
    public record Chart(ChartSpec spec, String caption) implements Block {
    }

    public NarrativeDoc {
        blocks = List.copyOf(blocks);
    }

    public List<ChartSpec> charts() {
        return blocks.stream().filter(b -> b instanceof Chart).map(b -> ((Chart) b).spec()).toList();
    }

    /** The text as paragraphs, one per line (charts as their caption), as the checker reads a .txt. */
    public String plainText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (Block block : blocks) {
            b.append(textOf(block)).append('\n');
        }
        return b.toString();
    }

    static String textOf(Block block) {
        if (block instanceof Heading h) {
            return h.text();
        }
        if (block instanceof Para p) {
            return p.text();
        }
        return ((Chart) block).caption();
    }
}
