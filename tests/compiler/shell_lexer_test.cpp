#include "compiler/shell_lexer.hpp"

#include <gtest/gtest.h>

#include "compiler/parse.hpp"

namespace sg = slurmglue;
using sg::render::Quoting;

namespace {

struct Lexed {
  sg::compiler::Template tpl;
  std::vector<sg::compiler::Diagnostic> diagnostics;
};

Lexed lex(const std::string& text) {
  sg::compiler::Source source("t.tpl", text);
  Lexed l;
  l.tpl = sg::compiler::parse_placeholders(source, l.diagnostics);
  sg::compiler::analyze_shell(source, l.tpl, l.diagnostics);
  return l;
}

// The context of the only placeholder ${CLEARML_TASK.id} in `body` (after a shebang).
sg::render::ShellContext context_of(const std::string& body) {
  auto l = lex("#!/bin/bash\necho start\n" + body + "\n");
  EXPECT_TRUE(l.diagnostics.empty()) << (l.diagnostics.empty() ? "" : l.diagnostics[0].message);
  EXPECT_EQ(l.tpl.placeholders.size(), 1u);
  return l.tpl.placeholders.empty() ? sg::render::ShellContext{} : l.tpl.placeholders[0].context;
}

const std::string P = "${CLEARML_TASK.id}";

TEST(ShellLexer, QuotingContexts) {
  EXPECT_EQ(context_of("echo " + P).quoting, Quoting::Unquoted);
  EXPECT_EQ(context_of("echo \"a " + P + "\"").quoting, Quoting::DoubleQuoted);
  EXPECT_EQ(context_of("echo 'a " + P + "'").quoting, Quoting::SingleQuoted);
  EXPECT_EQ(context_of("echo $'a " + P + "'").quoting, Quoting::DollarSingleQuoted);
  EXPECT_EQ(context_of("echo a # " + P).quoting, Quoting::Comment);
  EXPECT_EQ(context_of("echo a#" + P).quoting, Quoting::Unquoted);  // '#' inside a word is no comment
  EXPECT_EQ(context_of("echo $(( " + P + " + 1 ))").quoting, Quoting::Arithmetic);
  EXPECT_EQ(context_of("(( x = " + P + " ))").quoting, Quoting::Arithmetic);
  EXPECT_EQ(context_of("arr[" + P + "]=1").quoting, Quoting::Arithmetic);
  EXPECT_EQ(context_of("echo \"it's " + P + "\"").quoting, Quoting::DoubleQuoted);
  EXPECT_EQ(context_of("echo 'say \"" + P + "'").quoting, Quoting::SingleQuoted);
}

TEST(ShellLexer, NestedConstructs) {
  auto c = context_of("x=\"$(echo '" + P + "')\"");
  EXPECT_EQ(c.quoting, Quoting::SingleQuoted);
  EXPECT_TRUE(c.in_command_substitution);
  c = context_of("x=`echo " + P + "`");
  EXPECT_EQ(c.backtick_depth, 1);
  c = context_of("echo \"${FOO:-" + P + "}\"");
  EXPECT_EQ(c.quoting, Quoting::DoubleQuoted);
  EXPECT_TRUE(c.in_parameter_expansion);
  c = context_of("echo ${FOO:-" + P + "}");
  EXPECT_EQ(c.quoting, Quoting::Unquoted);
  EXPECT_TRUE(c.in_parameter_expansion);
  c = context_of("if [[ " + P + " == x ]]; then :; fi");
  EXPECT_TRUE(c.in_double_brackets);
  c = context_of("echo $(echo \")\" " + P + ")");
  EXPECT_EQ(c.quoting, Quoting::Unquoted);
  EXPECT_TRUE(c.in_command_substitution);
}

// Whether a value may become a redirection's descriptor: its word ends at
// '<' or '>' and holds nothing of the template's but letters, digits, _ { }.
TEST(ShellLexer, WordsBeforeARedirection) {
  using R = sg::render::DescriptorRisk;
  EXPECT_EQ(context_of("echo " + P + ">log").descriptor, R::Value);
  EXPECT_EQ(context_of("echo " + P + ">>log").descriptor, R::Value);
  EXPECT_EQ(context_of("cat " + P + "<in").descriptor, R::Value);
  EXPECT_EQ(context_of("echo 1" + P + "2>log").descriptor, R::Value);
  EXPECT_EQ(context_of("echo x" + P + ">log").descriptor, R::Named);
  EXPECT_EQ(context_of("echo {" + P + "}>log").descriptor, R::Braces);
  EXPECT_EQ(context_of("bash -c \"run " + P + ">log\"").descriptor, R::Value);
  EXPECT_EQ(context_of("echo " + P + " >log").descriptor, R::None);
  EXPECT_EQ(context_of("echo -n=" + P + ">log").descriptor, R::None);
  EXPECT_EQ(context_of("echo " + P + ".txt>log").descriptor, R::None);
  EXPECT_EQ(context_of("echo " + P + "|cat").descriptor, R::None);
}

// What the template writes before a value in the same word: a '['.
TEST(ShellLexer, BracketBeforeAValueInItsWord) {
  EXPECT_TRUE(context_of("LABEL=\"task[" + P + "]\"").bracket_before);
  EXPECT_TRUE(context_of("echo x[" + P).bracket_before);
  EXPECT_TRUE(context_of("echo \"a[$(echo b)\"" + P).bracket_before);
  EXPECT_TRUE(context_of("echo \"${X}[" + P + "]\"").bracket_before);
  EXPECT_TRUE(context_of("cat <<EOF\nA[" + P + "]\nEOF").bracket_before);
  EXPECT_FALSE(context_of("echo \"[ok]\" " + P).bracket_before);
  EXPECT_FALSE(context_of("echo \"[" + P + "]\"").bracket_before);  // no name before it: no subscript
  EXPECT_FALSE(context_of("echo \"[ok]\" \"" + P + "\"").bracket_before);
  EXPECT_FALSE(context_of("cat <<EOF\n[x]\nA" + P + "\nEOF").bracket_before);
  EXPECT_FALSE(context_of("echo " + P).joined);
}

TEST(ShellLexer, WordStartAndWholeLine) {
  EXPECT_TRUE(context_of("echo " + P).word_start);
  EXPECT_FALSE(context_of("echo x" + P).word_start);
  EXPECT_TRUE(context_of(P).whole_line);
  EXPECT_TRUE(context_of("   " + P + "  ").whole_line);
  EXPECT_FALSE(context_of("echo " + P).whole_line);
}

TEST(ShellLexer, HereDocuments) {
  auto l = lex("#!/bin/bash\ncat <<EOF\na $HOME " + P + "\nEOF\ncat <<-'END' | x\n\t" + P + "\n\tEND\necho " + P + "\n");
  ASSERT_TRUE(l.diagnostics.empty());
  ASSERT_EQ(l.tpl.placeholders.size(), 3u);
  EXPECT_EQ(l.tpl.placeholders[0].context.quoting, Quoting::HeredocUnquoted);
  EXPECT_EQ(l.tpl.placeholders[1].context.quoting, Quoting::HeredocQuoted);
  EXPECT_EQ(l.tpl.placeholders[2].context.quoting, Quoting::Unquoted);
  ASSERT_EQ(l.tpl.heredocs.size(), 2u);
  EXPECT_EQ(l.tpl.heredocs[0].delimiter, "EOF");
  EXPECT_FALSE(l.tpl.heredocs[0].quoted);
  EXPECT_EQ(l.tpl.heredocs[1].delimiter, "END");
  EXPECT_TRUE(l.tpl.heredocs[1].quoted);
  EXPECT_TRUE(l.tpl.heredocs[1].strip_tabs);
  EXPECT_EQ(l.tpl.heredocs[1].body_line, 6u);
}

// Quote removal in a delimiter as bash makes it (attack 217): in "...",
// \\ \" \$ \` lose the backslash, \<newline> goes, other backslashes stay.
TEST(ShellLexer, QuotedDelimitersLoseTheirQuotesAsBashRemovesThem) {
  for (const auto& [word, delimiter] : std::vector<std::pair<std::string, std::string>>{
           {"\"BANNER\\\\\"", "BANNER\\"}, {"\"E\\\"F\"", "E\"F"}, {"\"EO\\\nF\"", "EOF"},
           {"\"A\\x\"", "A\\x"}, {"'A\\B'", "A\\B"}, {"E\"O\"F", "EOF"}}) {
    auto l = lex("#!/bin/bash\ncat <<" + word + "\n" + P + "\n" + delimiter + "\necho " + P + "\n");
    ASSERT_TRUE(l.diagnostics.empty()) << word;
    ASSERT_EQ(l.tpl.heredocs.size(), 1u) << word;
    EXPECT_EQ(l.tpl.heredocs[0].delimiter, delimiter) << word;
    ASSERT_EQ(l.tpl.placeholders.size(), 2u) << word;
    EXPECT_EQ(l.tpl.placeholders[0].context.quoting, Quoting::HeredocQuoted) << word;
    EXPECT_EQ(l.tpl.placeholders[1].context.quoting, Quoting::Unquoted) << word;
  }
  // A quote left open on the line: bash's delimiter would hold the line break.
  for (const char* word : {"\"EOF", "'EOF"}) {
    auto l = lex(std::string("#!/bin/bash\ncat <<") + word + "\nbody\nEOF\n");
    ASSERT_FALSE(l.diagnostics.empty()) << word;
    EXPECT_EQ(l.diagnostics[0].rule, "heredoc-delimiter") << word;
  }
}

TEST(ShellLexer, TwoHereDocumentsOnOneLine) {
  auto l = lex("#!/bin/bash\ncat <<A <<'B'\n" + P + "\nA\n" + P + "\nB\n");
  ASSERT_TRUE(l.diagnostics.empty());
  ASSERT_EQ(l.tpl.placeholders.size(), 2u);
  EXPECT_EQ(l.tpl.placeholders[0].context.quoting, Quoting::HeredocUnquoted);
  EXPECT_EQ(l.tpl.placeholders[1].context.quoting, Quoting::HeredocQuoted);
}

TEST(ShellLexer, DirectiveLinesFollowSbatchScanning) {
  auto l = lex("#!/bin/bash\n#SBATCH --job-name=" + P + "\n\n# note\n#SBATCH --comment=\"" + P +
               "\"\n #SBATCH --indented\n#SBATCH --c='" + P + "' # " + P + "\necho go\n#SBATCH --late=" + P + "\n");
  ASSERT_TRUE(l.diagnostics.empty());
  ASSERT_EQ(l.tpl.directives.size(), 3u);
  EXPECT_EQ(l.tpl.directives[0].line, 2u);
  EXPECT_EQ(l.tpl.directives[2].line, 7u);
  ASSERT_EQ(l.tpl.placeholders.size(), 5u);
  EXPECT_EQ(l.tpl.placeholders[0].context.quoting, Quoting::DirectiveUnquoted);
  EXPECT_EQ(l.tpl.placeholders[1].context.quoting, Quoting::DirectiveDoubleQuoted);
  EXPECT_EQ(l.tpl.placeholders[2].context.quoting, Quoting::DirectiveSingleQuoted);
  EXPECT_EQ(l.tpl.placeholders[3].context.quoting, Quoting::Comment);
  EXPECT_EQ(l.tpl.placeholders[4].context.quoting, Quoting::Comment);  // after the first command: ignored by sbatch
  EXPECT_EQ(l.tpl.first_command_line, 8u);
  EXPECT_EQ(l.tpl.ignored_directive_lines, (std::vector<std::uint32_t>{6, 9}));
}

TEST(ShellLexer, PlaceholderLineEndsTheDirectiveBlock) {
  auto l = lex("#!/bin/bash\n${CLEARML_PRE_SETUP}\n#SBATCH --x=1\n");
  EXPECT_TRUE(l.tpl.directives.empty());
  EXPECT_EQ(l.tpl.first_command_line, 2u);
}

TEST(ShellLexer, StructuralErrors) {
  auto l = lex("#!/bin/bash\necho \"unclosed\ncat <<EOF\nbody\n");
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_EQ(l.diagnostics[0].rule, "shell-syntax");
  EXPECT_EQ(l.diagnostics[0].position.line, 2u);

  l = lex("#!/bin/bash\ncat <<" + P + "\nx\n");
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_EQ(l.diagnostics[0].rule, "heredoc-delimiter");

  l = lex("#!/bin/bash\necho \\" + P + "\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  EXPECT_EQ(l.diagnostics[0].rule, "backslash-before-placeholder");
  EXPECT_EQ(l.diagnostics[0].position.column, 6u);

  l = lex("#!/bin/bash\ncat <<EOF\nnever ends\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  EXPECT_EQ(l.diagnostics[0].rule, "heredoc-unterminated");
}

// Hostile templates stay bounded: "$($($(..." a million deep is one error at
// kMaxShellNesting and the open constructs, not a million of each.
TEST(ShellLexer, NestingDeeperThanTheBoundIsAnErrorAndTheRestIsNotRead) {
  std::string deep = "#!/bin/bash\necho ";
  for (int k = 0; k < 1000000; ++k) deep += "$(";
  const auto l = lex(deep + "\n");
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_LE(l.diagnostics.size(), sg::compiler::kMaxShellNesting + 2);
  EXPECT_EQ(l.diagnostics[0].message, "nested deeper than 64 levels: the rest of the template is not read");
  EXPECT_EQ(l.diagnostics[0].position.line, 2u);
  EXPECT_EQ(l.diagnostics[0].position.column, 6u + 2 * sg::compiler::kMaxShellNesting);
  std::string fine = "#!/bin/bash\necho ";
  for (int k = 0; k < 60; ++k) fine += "$(";
  for (int k = 0; k < 60; ++k) fine += ")";
  EXPECT_TRUE(lex(fine + "\n").diagnostics.empty());
}

// bash 5.2 refuses a 17th here-document started on one line ("maximum
// here-document count exceeded"); a line of a million "<<a" is one error.
TEST(ShellLexer, AtMostSixteenHereDocumentsStartOnALine) {
  std::string line = "#!/bin/bash\ncat";
  for (int k = 0; k < 16; ++k) line += " <<a";
  std::string bodies;
  for (int k = 0; k < 16; ++k) bodies += "x\na\n";
  EXPECT_TRUE(lex(line + "\n" + bodies).diagnostics.empty());
  std::string many = "#!/bin/bash\ncat";
  for (int k = 0; k < 1000000; ++k) many += " <<a";
  const auto l = lex(many + "\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  EXPECT_EQ(l.diagnostics[0].message,
            "bash reads at most 16 here-documents started on one line ('maximum here-document count exceeded')");
  EXPECT_EQ(l.diagnostics[0].position.column, 4u + 4 * 16 + 1);
}

// What bash -n rejects of compound commands is a shell-syntax error; what it
// accepts (extglob patterns, case arms, for ((...)) do, coproc bodies) is not.
// A line continuation inside a token bash joins is one finding, not also
// findings about its pieces; inside "..." only '$' starts a token.
TEST(ShellLexer, LineContinuationsThatSplitATokenAreOneFinding) {
  for (const char* split : {"true &\\\n& echo y", "cat <\\\n<< word", "cat <\\\n(echo)", "case a in a) echo ;\\\n; esac"}) {
    const auto l = lex(std::string("#!/bin/bash\n") + split + "\n");
    ASSERT_EQ(l.diagnostics.size(), 1u) << split;
    EXPECT_EQ(l.diagnostics[0].message.rfind("a line continuation between", 0), 0u) << split;
  }
  EXPECT_TRUE(lex("#!/bin/bash\necho \"quoted |\\\n| text\"\n").diagnostics.empty());
}

// bash reads a here-document's body to its delimiter line before it parses
// anything in it: a `, $( or ${ still open there ends with the body (whose
// expansion then fails at run time, reported), and the script goes on.
TEST(ShellLexer, OpenConstructEndsWithItsHereDocument) {
  for (const char* open : {"`", "$(echo", "${X", "\"`echo", "${x:-`} }", "$(cat <<B\nb"}) {
    for (const char* op : {"<<EOF\n", "<<-EOF\n\t"}) {
      const auto l = lex(std::string("#!/bin/bash\ncat ") + op + "a " + open + " b\n" + (op[2] == '-' ? "\t" : "") +
                         "EOF\necho " + P + "\n");
      ASSERT_EQ(l.diagnostics.size(), 1u) << open;
      EXPECT_EQ(l.diagnostics[0].rule, "shell-syntax") << open;
      EXPECT_EQ(l.diagnostics[0].position.line, 3u) << open;
      ASSERT_EQ(l.tpl.placeholders.size(), 1u);
      EXPECT_EQ(l.tpl.placeholders[0].context.quoting, sg::render::Quoting::Unquoted) << open;
    }
  }
}

TEST(ShellLexer, CompoundCommandsAsBashReadsThem) {
  for (const char* bad : {"if true; then echo a", "if true; echo a; fi", "while true do echo; done", "fi",
                          "echo a )", "{ echo a", "for x in a; do echo; fi", "case x in a) echo;;",
                          "while true; { echo; }", "for y in a; do { echo; } > out done",
                          // A list with no command (lint hunt 53).
                          "if true; then fi", "while true; do done", "f() { }", "( )", "{ }", "if true; then :; else fi",
                          "for x in a; do\n  # nothing yet\ndone", "if then :; fi",
                          // A redirection with no file.
                          "echo a >", "cat < < b", "echo a > ; echo b", "echo a 2> | cat",
                          // The keyword time or coproc with no command; unbalanced ( ) in [[ ]];
                          // a case pattern of two words.
                          "time | cat", "time -p && echo", "! time & wait", "coproc", "coproc ; echo", "coproc | cat",
                          "[[ ( a == b ]]", "[[ a == b ) ]]", "case x in a) echo;; b echo;; esac",
                          "case x in a b) echo;; esac", "case x in a) case y in b c) ;; esac;; esac",
                          // A case arm's end with no case; a here-string with no word (lint hunt 54).
                          "if true; then echo a >&2;; fi", "f() { echo;; }", "x=$(echo a;;)", "echo;& echo",
                          "while read -r l; do :; done <<<",
                          // '(' inside a word; time before ';;' or after --, |& (lint hunt 55).
                          "cfg=/etc/site/(default).conf", "echo a(b)", "case x in a) time ;; esac", "time -p -- | cat",
                          "time |& cat",
                          // NAME=( where no assignment stands (lint hunt 56).
                          "env PATH=(x) ./app", "echo x=(a)", "builtin declare a=(1)",
                          // A word where [[ ]] wants &&, ||, ')' or ']]' (lint hunt 60).
                          "[[ -z $a -o -z $b ]]", "[[ -n $x -a -n $y ]]", "[[ $x == 0 1 ]]", "[[ a b ]]",
                          "[[ -v arr[a b] ]]", "[[ -z a == b ]]", "[[ ( a == b ) c ]]", "[[ $x =~ (x|y) z ]]",
                          // A function with no body.
                          "echo a\nfunction cleanup", "function", "function f\necho hi",
                          // time is reserved only where a pipeline starts (lint hunt 61).
                          "echo a | time { cat; }", "echo a | time -p { cat; }",
                          // A loop with no do after its word list.
                          "for x in a b; echo x; done", "select x in a b; echo x", "for ((i=0;i<3;i++)); echo x"}) {
    const auto l = lex(std::string("#!/bin/bash\n") + bad + "\n");
    ASSERT_FALSE(l.diagnostics.empty()) << bad;
    EXPECT_EQ(l.diagnostics[0].rule, "shell-syntax") << bad;
  }
  for (const char* good : {"shopt -s extglob\nls !(a) @(b|c) +(d) *(e) ?(f)", "for ((i = 0; i < 2; i++)) do echo; done",
                           "case x in (a) echo;; b) echo b ;; esac", "coproc MON { while read -r l; do echo \"$l\"; done; }",
                           "x=(a b)\necho \"${x[@]}\"", "f() ( echo )", "echo $( (cd / && ls) )",
                           "[[ ( a == a ) && b ]] && echo",
                           // Braces for do ... done after for and select; a reserved word
                           // right after a group closes (lint hunt 48).
                           "for h in $(hostname); { echo \"$h\"; }", "for ((i = 0; i < 2; i++)) { echo; }",
                           "select y in a b; { echo; break; }", "for z in a\n{\n  echo\n}",
                           "for z in a; do { echo; } done", "while { false; } do :; done", "if { true; } then :; fi",
                           "case a in a) { :; } esac",
                           // ... and after ]] or )); a case with no arm (lint hunt 53).
                           "if [[ -n x ]] then echo a; fi", "while (( n < 3 )) do n=3; done", "{ [[ a ]] }",
                           "case y in esac", "x=$(case y in esac)\necho \"$x\"",
                           // Lists of one command of any kind.
                           "x=0; if true; then (( x++ )); fi", "if true; then [[ a ]]; fi", "if true; then > f; fi",
                           "if true; then ! true; fi", "f() ( echo )", "case x in a) ;; esac", "if { true; } then :; fi",
                           "if true; then cat <<EOF\nx\nEOF\nfi", "for x in a; { :; }", "f() { local x; }",
                           // time timing nothing, or a command named time; parens a word of [[ ]] balances.
                           "time; echo", "time &>/dev/null", "time 2>f | cat", "x=1 time | cat", "command time | cat",
                           "\"time\" | cat", "coproc cat", "[[ (a == b) ]]", "[[ $x =~ ^(a|b)$ ]]", "[[ $x == @(a|b) ]]",
                           "[[ $(echo a) == a ]]", "[[ ${x//(/} == a ]]", "[[ \"(\" == a ]]",
                           "[[ $(x=$(case y in a) echo;; esac))\"a\" == x ]]", "[[ ( $(echo a) == a ) ]]",
                           "case x in a | b ) echo x y;; \"c d\") echo z w ;; esac",
                           "case x in (a|b) echo hi;; (*) echo no;; esac", "x=$(case y in (a) echo A;; (*) echo o;; esac)",
                           "shopt -s extglob\ncase y in\n  @(c|d)) echo cd ;;\n  !(x|y)|z) echo ;;\nesac",
                           // Reserved words are words inside [[ ]] (lint hunt 54).
                           "if [[ done == \"$s\" ]]; then :; fi", "[[ ! fi == x ]]", "[[ esac ]] && echo", "cat <<< \"\"",
                           // coproc NAME and a compound command; reserved words as case patterns (lint hunt 55).
                           "coproc W while read -r l; do echo \"$l\"; done", "coproc W if true; then cat; fi",
                           "coproc W case x in a) cat;; esac", "case $1 in --do-train|do) echo;; done|in) echo;; esac",
                           "case $1 in (esac) echo;; (if) echo;; esac", "case $1 in a) echo;; fi|{) echo;; then) :;; esac",
                           "case x in a) echo;& b) echo;;& c) echo;; esac", "f () { :; }", "a[1]=(x)", "declare -a x=(1 2)",
                           "time -- ls | cat",
                           // A comment inside an array, its ')' too (lint hunt 56).
                           "A=( x  # note (default)\n  y\n)\necho \"${A[@]}\"",
                           "export X=1 Y=(a)", "readonly R=(1)", "f() { local -A m=([k]=v); }",
                           // Blanks inside a regular expression's or pattern's ( ) (lint hunt 60).
                           "[[ $x =~ ^(a b)$ ]]", "[[ $x == @(a b) ]]", "[[ ( -n a ) && ( b == c ) ]]",
                           "[[ ! ( a == b ) ]]", "[[ x == y || ! z ]]", "[[ -z ! ]]", "[[ ! ]]",
                           "function f\n{ echo hi; }", "f() (( x++ ))\necho hi", "f() [[ -n $1 ]]\necho hi",
                           "f() if true; then :; fi\nf",
                           // time -p and time -- before a compound command (lint hunt 61).
                           "time -p {\n  gmx mdrun\n} 2> timing.txt", "time -- ( echo )", "time -p for x in a; do :; done",
                           "time -p ! { :; }", "! time -p { :; }", "time { a; } | time -p cat",
                           "time -p [[ a ]] && time -p (( 1 ))", "for x in a b\ndo echo; done", "for x\ndo :; done",
                           "for x in a b # c\ndo :; done", "for x in a b;\n\ndo :; done"}) {
    const auto l = lex(std::string("#!/bin/bash\n") + good + "\n");
    EXPECT_TRUE(l.diagnostics.empty()) << good << ": " << (l.diagnostics.empty() ? "" : l.diagnostics[0].message);
  }
}

// An extglob pattern is one word to its matching ')': bash reads '#',
// blanks, '|', ';', '<' and '>' inside it as the pattern's text, so what
// follows on the line is still code.
TEST(ShellLexer, ExtglobPatternsAreOneWord) {
  EXPECT_EQ(context_of("shopt -s extglob\ncp -r !(#*#|*~) out/ && echo " + P).quoting, Quoting::Unquoted);
  EXPECT_EQ(context_of("shopt -s extglob\nls @(a b|c;d) \"" + P + "\"").quoting, Quoting::DoubleQuoted);
  EXPECT_EQ(context_of("shopt -s extglob\nls +(a|@(#b)) " + P).quoting, Quoting::Unquoted);
  EXPECT_EQ(context_of("shopt -s extglob\nx=@(a|#b)\necho " + P).quoting, Quoting::Unquoted);
  EXPECT_EQ(context_of("shopt -s extglob\ncase x in @(a|#b)) echo " + P + " ;; esac").quoting, Quoting::Unquoted);
  // A pattern after == or != in [[ ]] matches as if extglob were on.
  EXPECT_TRUE(lex("#!/bin/bash\n[[ x == @(a|b) ]] && echo y\n").diagnostics.empty());
  // Without shopt -s extglob before it, bash reads the '(' as a syntax error.
  const auto off = lex("#!/bin/bash\nfor f in *.@(txt|log); do :; done\n");
  ASSERT_EQ(off.diagnostics.size(), 1u);
  EXPECT_EQ(off.diagnostics[0].severity, sg::compiler::Severity::Warning);
  EXPECT_EQ(off.diagnostics[0].position.column, 12u);
  const auto l = lex("#!/bin/bash\nshopt -s extglob\nls !(a #b|<c>) x\n");
  ASSERT_TRUE(l.diagnostics.empty());
  ASSERT_EQ(l.tpl.commands.size(), 2u);
  ASSERT_EQ(l.tpl.commands[1].words.size(), 3u);
  EXPECT_EQ(l.tpl.commands[1].words[1].text, "!(a #b|<c>)");
  const auto open = lex("#!/bin/bash\nls !(a\necho x\n");
  ASSERT_FALSE(open.diagnostics.empty());
  EXPECT_EQ(open.diagnostics[0].rule, "shell-syntax");
}

// {fd}>, {fds[1]}>&-: the name belongs to the redirection, as 2> does.
TEST(ShellLexer, NamedDescriptorsArePartOfTheRedirection) {
  for (const char* form : {"exec {MON}>log.txt", "exec {MON[1]}>&-", "exec 3>&-", "exec {fd_2}<in.txt"}) {
    const auto l = lex(std::string("#!/bin/bash\n") + form + "\n");
    ASSERT_TRUE(l.diagnostics.empty()) << form;
    ASSERT_EQ(l.tpl.commands.size(), 1u) << form;
    const auto& words = l.tpl.commands[0].words;
    ASSERT_EQ(words.size(), 2u) << form;
    EXPECT_EQ(words[0].text, "exec");
    EXPECT_EQ(words[1].role, sg::compiler::ShellWord::Role::Redirect) << form;
  }
  // A subscript that expands is no plain name: the word stays a word.
  const auto l = lex("#!/bin/bash\nexec {A[$i]}>&-\n");
  ASSERT_EQ(l.tpl.commands.size(), 1u);
  EXPECT_EQ(l.tpl.commands[0].words.size(), 3u);
}

// What bash -n rejects between commands, in [[ ]] and in arrays; and what it
// accepts that looks close to it.
TEST(ShellLexer, OperatorsTestsAndArraysAsBashReadsThem) {
  for (const char* bad : {"a && && b", "a | | b", "a ; ; b", "; a", "a & ; b", "a &&", "a |", "(a &&)",
                          "{ a && ; }", "if a; then ; fi", "then a", "do a", "if a; then b; then c; fi",
                          "if a; else b; fi", "a && ! && b", "[[ a == ]]", "[[ -f ]]", "[[ $x -eq ]]", "x=(a b"}) {
    const auto l = lex(std::string("#!/bin/bash\n") + bad + "\n");
    ASSERT_FALSE(l.diagnostics.empty()) << bad;
    EXPECT_EQ(l.diagnostics[0].rule, "shell-syntax") << bad;
  }
  for (const char* good : {"case x in a) ;& b) ;;& c) ;; esac", "a &&\nb", "a && # why\nb", "a |\n b", "a &\nb",
                           "a & b &", "a; b;", "a |& b", "! a && ! b", "{ a; } && (b) || c",
                           "if a; then b; elif c; then d; else e; fi", "for x do echo; done", "for x\ndo echo; done",
                           "for do in a; do echo; done", "[[ a = -f ]]", "[[ -f -f ]]", "[[ ( a ) && -n $b ]]",
                           "x=(a\nb)", "cat <<E\\\nOF\nbody\nEOF", "echo ${x:-a;b}", "echo $( a && b )",
                           "c=$(cat <<'EOF'\nlr: 1\nEOF)\necho \"$c\"", "c=$(cat <<EOF\nx\nEOF)",
                           // (lint hunt 59) in `...` the line "E`" ends the body and the substitution.
                           "x=`cat <<E\na\nE`", "x=\"`cat <<'E'\na\nE`\"", "x=`echo a; cat <<E\nb\nE`; echo \"$x\""}) {
    const auto l = lex(std::string("#!/bin/bash\n") + good + "\n");
    EXPECT_TRUE(l.diagnostics.empty()) << good << ": " << (l.diagnostics.empty() ? "" : l.diagnostics[0].message);
  }
}

// An unclosed substitution is named as written: $(, <( or >( (lint hunt 60).
TEST(ShellLexer, UnclosedSubstitutionsNamedAsWritten) {
  for (const auto& [text, opener] : std::vector<std::pair<std::string, std::string>>{
           {"while read -r h; do :; done < <(scontrol show hostnames", "<("}, {"tee >(gzip > log.gz", ">("}, {"echo $(date", "$("}}) {
    const auto l = lex("#!/bin/bash\n" + text + "\n");
    ASSERT_FALSE(l.diagnostics.empty()) << text;
    EXPECT_EQ(l.diagnostics[0].message, "this " + opener + " is never closed") << text;
  }
}

}  // namespace

