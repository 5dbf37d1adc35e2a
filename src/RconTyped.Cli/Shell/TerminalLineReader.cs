using System.Text;

namespace RconTyped.Cli.Shell;

/// <summary>
/// A line editor for the terminal: typing, Backspace, Left/Right, Up/Down through history, and Tab to complete the
/// word under the cursor from the server's cvar and command names (a second Tab lists the choices).
/// </summary>
internal sealed class TerminalLineReader(List<string> history) : ILineReader
{
    public string? ReadLine(string prompt, Func<CompletionIndex> completion)
    {
        var line = new StringBuilder();
        int cursor = 0;
        int historyIndex = history.Count;
        bool listedChoices = false;
        Console.Write(prompt);
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            bool tab = false;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    string text = line.ToString();
                    if (text.Trim().Length > 0)
                    {
                        history.Add(text);
                    }

                    return text;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && line.Length == 0:
                    Console.WriteLine();
                    return null;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    Replace(line, history[--historyIndex], ref cursor);
                    break;
                case ConsoleKey.DownArrow when historyIndex < history.Count:
                    historyIndex++;
                    Replace(line, historyIndex == history.Count ? string.Empty : history[historyIndex], ref cursor);
                    break;
                case ConsoleKey.Tab:
                    tab = true;
                    int start = cursor;
                    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != ';')
                    {
                        start--;
                    }

                    string word = line.ToString(start, cursor - start);
                    CompletionIndex names = completion(); // asked at each Tab: the names may arrive while the line is typed
                    string completed = names.Complete(word);
                    if (completed != word)
                    {
                        line.Remove(start, cursor - start).Insert(start, completed);
                        cursor = start + completed.Length;
                    }
                    else if (listedChoices is false && names.Matches(word) is { Count: > 1 } choices)
                    {
                        Console.WriteLine();
                        Console.WriteLine(string.Join("  ", choices.Take(50)) + (choices.Count > 50 ? $"  … ({choices.Count})" : string.Empty));
                        listedChoices = true;
                    }

                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            if (!tab)
            {
                listedChoices = false;
            }

            // Redraw: prompt, the line, clear what is left, then put the cursor back.
            Console.Write("\r" + prompt + line + "\u001b[K");
            if (cursor < line.Length)
            {
                Console.Write($"\u001b[{line.Length - cursor}D");
            }
        }
    }

    private static void Replace(StringBuilder line, string text, ref int cursor)
    {
        line.Clear().Append(text);
        cursor = line.Length;
    }
}
