package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.params.Condition;
import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.orchestrator.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep params [--markdown]}: every run parameter with its built-in default (the thesis' table 4.1
 * where it gives one), when it applies, what it accepts and what it does, from the one registry. The README's
 * table is this command's {@code --markdown} output (a test keeps them equal).
 */
final class ParamsCommand implements Command {
    @Override
    public String name() {
        return "params";
    }

    @Override
    public String usage() {
        return "[--markdown]";
    }

    @Override
    public String summary() {
        return "list every run parameter: default, when it applies, allowed values, meaning";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("markdown")
                        .desc("print a Markdown table (the README's)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        if (line.hasOption("markdown")) {
            ctx.out().print(markdown());
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ParamDef def : Params.all()) {
            rows.add(List.of(def.name(), def.defaultValue().description(), when(def), def.expected()));
        }
        ctx.out().print(new Table(List.of("parameter", "default", "applies when", "accepts"), rows).toText());
        ctx.out().println("(arraysweep params --markdown adds what each one does)");
        return 0;
    }

    /** {@return the parameters as a Markdown table: name, default, when it applies, accepted values, meaning} */
    static String markdown() {
        StringBuilder md = new StringBuilder("| parameter | default | applies when | accepts | meaning |\n");
        md.append("|---|---|---|---|---|\n");
        for (ParamDef def : Params.all()) {
            md.append("| `")
                    .append(def.name())
                    .append("` | ")
                    .append(cell(def.defaultValue().description()))
                    .append(" | ")
                    .append(cell(when(def)))
                    .append(" | ")
                    .append(cell(def.expected()))
                    .append(" | ")
                    .append(cell(def.description()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String when(ParamDef def) {
        String when = def.appliesWhen() == Condition.ALWAYS
                ? "always"
                : def.appliesWhen().description();
        return def.implicitDescription().map(i -> when + "; " + i).orElse(when);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
