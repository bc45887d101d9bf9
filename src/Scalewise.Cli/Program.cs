Console.WriteLine("scalewise");
