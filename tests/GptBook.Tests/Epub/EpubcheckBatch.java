import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.reporting.CheckingReport;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * epubcheck for many EPUBs in one JVM: reads lines "EPUB<TAB>REPORT.json" from stdin, validates each EPUB as
 * "java -jar epubcheck.jar EPUB --json REPORT.json" would, and answers "done<TAB>EPUB" (or "failed<TAB>EPUB<TAB>why")
 * on stdout. Starting the JVM and loading epubcheck's schemas once, instead of once per EPUB, is most of the saving.
 */
public class EpubcheckBatch {
    public static void main(String[] args) throws Exception {
        // epubcheck prints progress ("Epub Name", "Process duration") on stdout: send that to stderr, and keep stdout
        // for the answers alone.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t");
            if (parts.length != 2) continue;
            try {
                CheckingReport report = new CheckingReport(parts[0], parts[1]);
                report.initialize();
                new EpubCheck(new File(parts[0]), report).doValidate();
                report.generate();
                answers.println("done\t" + parts[0]);
            } catch (Throwable t) {
                answers.println("failed\t" + parts[0] + "\t" + t.toString().replace('\n', ' '));
            }
        }
    }
}
